// CDN-friendly answers for anonymous content-API reads: a weak ETag over the JSON body,
// 304 on If-None-Match, Cache-Control with s-maxage, and stale-while-revalidate for CDNs
// in CDN-Cache-Control (config/public-cache.ts). Anonymous reads only ever see published content, so a shared
// cache may keep them; a request with credentials (an API token may read drafts) gets
// `private, no-store`. Answers that set their own validators (feeds) are left alone.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type Config = { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };

const isPlainBody = (body: unknown) =>
  body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).toLowerCase();
  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    await next();
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.toLowerCase().startsWith(`${prefix}/`)) return;
    if (ctx.response.get('ETag') || ctx.response.get('Cache-Control')) return;
    if (ctx.get('authorization')) {
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    if (ctx.status !== 200 || !isPlainBody(ctx.body)) return;
    const config = strapi.config.get('public-cache') as Config;
    const json = JSON.stringify(ctx.body);
    ctx.set('ETag', `W/"${createHash('sha1').update(json).digest('base64url')}"`);
    // stale-while-revalidate only for CDNs (RFC 9213's CDN-Cache-Control): browsers
    // honour it in Cache-Control too and showed a stale click total after a click.
    ctx.set('Cache-Control', `public, max-age=${config.maxAge}, s-maxage=${config.sMaxAge}`);
    if (config.staleWhileRevalidate > 0) {
      ctx.set('CDN-Cache-Control', `max-age=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`);
    }
    ctx.vary('Origin');
    // Koa compares If-None-Match with the ETag just set (weak comparison).
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = json;
  };
};
