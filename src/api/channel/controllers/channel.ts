import { factories } from '@strapi/strapi';
import { publicOrigin } from '../../../utils/fast-path';
import { getService } from '../../../features/services';
import { defaultLocale as readDefaultLocale, requestLocale } from '../../../utils/locales';

const DEFAULT_POPULATE = {
  parent: { fields: ['name', 'slug'] },
};

type Entry = { documentId: string; slug?: string | null; locale?: string | null; [key: string]: unknown };

export default factories.createCoreController('api::channel.channel', ({ strapi }) => {
  /** Breadcrumb and feed URLs: what every channel response carries. */
  const decorate = async (entries: Entry[], origin: string, query: Record<string, unknown>) => {
    const locale = await requestLocale(strapi, query);
    await getService(strapi, 'channel').addBreadcrumbs(entries, (entry) => entry.documentId, locale);
    const defaultLocale = await readDefaultLocale(strapi);
    // A channel's feed is addressed by its slug: read it when `fields` left it out.
    const missing = entries.filter((entry) => entry.slug === undefined).map((entry) => entry.documentId);
    const slugs = new Map<string, string | null>();
    if (missing.length) {
      const rows = (await strapi.db.query('api::channel.channel').findMany({
        select: ['documentId', 'slug'],
        where: { documentId: { $in: missing }, publishedAt: { $notNull: true } },
      })) as Array<{ documentId: string; slug: string | null }>;
      for (const row of rows) slugs.set(row.documentId, row.slug);
    }
    const feeds = getService(strapi, 'feed');
    for (const entry of entries) {
      const slug = entry.slug !== undefined ? entry.slug : (slugs.get(entry.documentId) ?? null);
      entry.feeds = slug ? feeds.urls(origin, slug, entry.locale ?? locale ?? defaultLocale, defaultLocale) : null;
    }
  };

  return {
    async find(ctx) {
      ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
      const response = await super.find(ctx);
      await decorate(response.data as Entry[], publicOrigin(strapi), ctx.query);
      return response;
    },

    async findOne(ctx) {
      ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
      const response = await super.findOne(ctx);
      if (response?.data) await decorate([response.data as Entry], publicOrigin(strapi), ctx.query);
      return response;
    },
  };
});
