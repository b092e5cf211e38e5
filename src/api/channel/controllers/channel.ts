import { factories } from '@strapi/strapi';
import { publicOrigin } from '../../../utils/fast-path';
import type { FeedService } from '../../feed/services/feed';

const DEFAULT_POPULATE = {
  parent: { fields: ['name', 'slug'] },
};

type Entry = { documentId: string; slug?: string | null; locale?: string | null; [key: string]: unknown };
type ChannelService = { addBreadcrumbs: <T>(entries: T[], channelOf: (entry: T) => string | null | undefined) => Promise<T[]> };

export default factories.createCoreController('api::channel.channel', ({ strapi }) => {
  /** Breadcrumb and feed URLs: what every channel response carries. */
  const decorate = async (entries: Entry[], origin: string) => {
    await (strapi.service('api::channel.channel') as unknown as ChannelService).addBreadcrumbs(entries, (entry) => entry.documentId);
    const defaultLocale = (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
    const feeds = strapi.service('api::feed.feed') as unknown as FeedService;
    for (const entry of entries) entry.feeds = feeds.urls(origin, entry.slug ?? entry.documentId, entry.locale ?? defaultLocale, defaultLocale);
  };

  return {
    async find(ctx) {
      ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
      const response = await super.find(ctx);
      await decorate(response.data as Entry[], publicOrigin(strapi, ctx.origin));
      return response;
    },

    async findOne(ctx) {
      ctx.query = { populate: DEFAULT_POPULATE, ...ctx.query };
      const response = await super.findOne(ctx);
      if (response?.data) await decorate([response.data as Entry], publicOrigin(strapi, ctx.origin));
      return response;
    },
  };
});
