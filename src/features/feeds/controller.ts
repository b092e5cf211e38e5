import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseFeedQuery, writeFeed } from '../../lib/feeds/http';
import { publicOrigin } from '../../utils/fast-path';
import { FeedNotFoundError, type FeedFormat } from './service';
import { getLocales, getService } from '../services';
import { defaultLocale } from '../../utils/locales';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = () => getService(strapi, 'feed');

  /** The feed a site-wide route names (/feeds/<name>.<format>); the 栏目 feeds' type on /channels/:slug/feed. */
  const feedName = (ctx: KoaContext) => /\/feeds\/([^/]+)\.(?:rss|atom|json)$/.exec(ctx.path)?.[1];

  const serve = async (ctx: KoaContext, format: FeedFormat) => {
    const { config } = feeds();
    const query = parseFeedQuery(ctx.query, config);
    if (typeof query === 'string') throw new errors.ValidationError(query);
    const locales = getLocales(strapi);
    const locale = query.locale ?? (await defaultLocale(strapi));
    if (!(await locales.findByCode(locale))) throw new errors.ValidationError(`Unknown locale: ${locale}`);
    try {
      const feed = await feeds().get({
        format,
        feed: ctx.params.slug ? undefined : feedName(ctx),
        channel: (ctx.params.slug as string | undefined) ?? null,
        locale,
        limit: query.limit,
        origin: publicOrigin(strapi),
      });
      writeFeed(ctx, feed, config.maxAgeS);
    } catch (error) {
      if (error instanceof FeedNotFoundError) return ctx.notFound(error.message);
      throw error;
    }
  };

  return {
    rss: (ctx: KoaContext) => serve(ctx, 'rss'),
    atom: (ctx: KoaContext) => serve(ctx, 'atom'),
    json: (ctx: KoaContext) => serve(ctx, 'json'),
  };
};
