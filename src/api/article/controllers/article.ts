import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { writeClickOutcome } from '../../../lib/click-response';
import { publicOrigin } from '../../../utils/fast-path';
import { PERIOD_DAYS, type Period } from '../services/clicks';
import { getLocales, getService, requestLocale } from '../../../utils/services';

/** What a front end needs to render an article page, unless it asks for something else. */
export const DEFAULT_POPULATE = {
  channel: { fields: ['name', 'slug'] },
  cover: true,
  attachments: true,
  quotes: {
    sort: ['order:asc', 'id:asc'],
    populate: { commendedIndividual: { fields: ['name'] } },
  },
  commendedUnits: { fields: ['name', 'city', 'district'] },
  commendedIndividuals: { fields: ['name', 'organization', 'position', 'city'] },
};

const POPULAR_MAX = 50;
export const DEFAULT_SORT = ['publishDate:desc', 'id:desc'];

type Entry = { documentId: string; locale?: string | null; channel?: { documentId?: string } | null; [key: string]: unknown };

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const clicks = () => getService(strapi, 'clicks');
  const channels = () => getService(strapi, 'channel');

  /** Breadcrumb, click count and feed URLs: what every article response carries. */
  const decorate = async (entries: Entry[], origin: string, query: Record<string, unknown>) => {
    const locale = await requestLocale(strapi, query);
    await channels().addBreadcrumbs(entries, (entry) => entry.channel?.documentId, locale);
    const totals = await clicks().totals(entries.map((entry) => entry.documentId));
    const defaultLocale = await getLocales(strapi).getDefaultLocale();
    const feeds = getService(strapi, 'feed');
    for (const entry of entries) {
      entry.clickCount = totals.get(entry.documentId) ?? 0;
      const channelSlug = (entry.channel as { slug?: string | null } | null | undefined)?.slug ?? null;
      entry.feeds = feeds.urls(origin, channelSlug, entry.locale ?? locale ?? defaultLocale, defaultLocale);
    }
    return entries;
  };

  return {
    async find(ctx) {
      // Newest first, as a news site lists them (and the (locale, publish_date) index
      // answers it without sorting the archive).
      ctx.query = { populate: DEFAULT_POPULATE, sort: DEFAULT_SORT, ...ctx.query };
      const response = await super.find(ctx);
      await decorate(response.data as Entry[], publicOrigin(strapi, ctx.origin), ctx.query);
      return response;
    },

    async findOne(ctx) {
      ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
      const response = await super.findOne(ctx);
      if (response?.data) await decorate([response.data as Entry], publicOrigin(strapi, ctx.origin), ctx.query);
      return response;
    },

    /** POST /articles/:documentId/clicks through the full stack (see routes/01-clicks.ts). */
    async registerClick(ctx) {
      const outcome = await clicks().register({
        documentId: ctx.params.documentId,
        locale: ctx.query.locale,
        ip: ctx.request.ip,
        userAgent: ctx.get('user-agent'),
      });
      writeClickOutcome(ctx, outcome);
    },

    /** GET /articles/:documentId/clicks: total, today and the last 30 days. */
    async clickStats(ctx) {
      const { documentId } = ctx.params;
      if (!/^[a-z0-9]{24}$/.test(documentId)) throw new errors.ValidationError('documentId must be 24 characters a-z or 0-9');
      const stats = await clicks().stats(documentId);
      if (!stats) return ctx.notFound('No published article with this documentId');
      ctx.body = { data: stats };
    },

    /** GET /articles/popular?period=day|week|month|all&channel=<slug>&locale=&limit= (点击排行). */
    async popular(ctx) {
      const { period = 'week', channel, limit = '10' } = ctx.query as Record<string, unknown>;
      if (typeof period !== 'string' || !Object.hasOwn(PERIOD_DAYS, period)) {
        throw new errors.ValidationError('period must be one of day, week, month, all');
      }
      const size = Number(limit);
      if (!Number.isInteger(size) || size < 1 || size > POPULAR_MAX) {
        throw new errors.ValidationError(`limit must be an integer from 1 to ${POPULAR_MAX}`);
      }
      if (channel !== undefined && typeof channel !== 'string') throw new errors.ValidationError('channel must be a slug');
      const locales = getLocales(strapi);
      const locale = (ctx.query.locale as string | undefined) ?? (await locales.getDefaultLocale());
      if (typeof locale !== 'string' || !(await locales.findByCode(locale))) {
        throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(locale)}`);
      }
      const channelIds = channel ? await channels().subtreeIds(channel, locale) : null;
      if (channel && !channelIds) return ctx.notFound(`No published channel "${channel}" in this locale`);

      const ranked = await clicks().popular({ period: period as Period, locale, channelIds, limit: size });
      const documents = (await strapi.documents('api::article.article').findMany({
        filters: { documentId: { $in: ranked.map((row) => row.documentId) } },
        locale,
        status: 'published',
        populate: { channel: { fields: ['name', 'slug'] }, cover: true },
      })) as unknown as Entry[];
      const byId = new Map(documents.map((doc) => [doc.documentId, doc]));
      const data = ranked
        .filter((row) => byId.has(row.documentId))
        .map((row) => ({ ...byId.get(row.documentId)!, clickCount: row.clickCount }));
      // sanitizeOutput is always set on core controllers; its type marks it optional.
      const sanitized = (await this.sanitizeOutput!(data, ctx)) as Entry[];
      sanitized.forEach((entry, i) => (entry.clickCount = data[i].clickCount));
      await channels().addBreadcrumbs(sanitized, (entry) => entry.channel?.documentId, locale);
      ctx.body = { data: sanitized, meta: { period, locale, channel: channel ?? null, limit: size } };
    },
  };
});
