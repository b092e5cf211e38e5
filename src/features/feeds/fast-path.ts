// Cached feeds answered first in the middleware stack: feed readers poll, and a cached
// feed is a string in memory. A miss, or anything unusual (a bad query, an
// Authorization header, a revoked permission), goes on to the routed controller,
// which renders, caches and answers with the same headers.
import type { Core } from '@strapi/strapi';
import { parseFeedQuery, writeFeed } from '../../lib/feeds/http';
import type { FeedFormat } from './service';
import { configuredCors, escapeRegExp, publicOrigin, publicPermission } from '../../utils/fast-path';
import { getService } from '../services';
import { defaultLocale } from '../../utils/locales';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type Next = () => Promise<unknown>;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = escapeRegExp(strapi.config.get('api.rest.prefix', '/api') as string);
  const site = new RegExp(`^${prefix}/feeds/([^/]+)\\.(rss|atom|json)$`);
  const channel = new RegExp(`^${prefix}/channels/([^/]+)/feed\\.(rss|atom|json)$`);
  const cors = configuredCors(strapi);
  const publicMayRead = publicPermission(strapi, ['api::feed.feed.rss', 'api::feed.feed.atom', 'api::feed.feed.json']);

  return async (ctx: KoaContext, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const siteMatch = site.exec(ctx.path);
    const channelMatch = siteMatch ? null : channel.exec(ctx.path);
    if (!siteMatch && !channelMatch) return next();
    const feeds = getService(strapi, 'feed');
    const query = parseFeedQuery(ctx.query, feeds.config);
    if (typeof query === 'string' || ctx.get('authorization') || !(await publicMayRead())) return next();
    let slug: string | null = null;
    try {
      slug = channelMatch ? decodeURIComponent(channelMatch[1]) : null;
    } catch {
      return next();
    }
    const cached = feeds.cached({
      format: (siteMatch ?? channelMatch)![2] as FeedFormat,
      feed: siteMatch ? siteMatch[1] : undefined,
      channel: slug,
      locale: query.locale ?? (await defaultLocale(strapi)),
      limit: query.limit,
      origin: publicOrigin(strapi),
    });
    if (!cached) return next();
    await cors(ctx, async () => writeFeed(ctx, cached, feeds.config.maxAgeS));
  };
};
