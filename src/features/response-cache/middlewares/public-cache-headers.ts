// CDN-friendly answers for anonymous content-API reads and GraphQL queries: a weak ETag,
// 304 on If-None-Match, Cache-Control with s-maxage, stale-while-revalidate for CDNs in
// CDN-Cache-Control (config/public-cache.ts), and Surrogate-Key / Cache-Tag naming the
// documents in the answer (purged by the hook of src/features/response-cache/purge.ts).
// Anonymous reads only ever see published content, so a shared cache may keep them; a
// request with credentials (an API token may read drafts) gets `private, no-store`.
// Answers that set their own validators (feeds) are left alone.
//
// When src/features/response-cache/middlewares/response-cache.ts missed, the answer is kept in the response cache
// here, with the headers it went out with.
import type { Core } from '@strapi/strapi';
import { entryBytes, etagOf, fill, ownBytes, surrogateKeys, template, type CachedAnswer } from '../../../lib/response-cache/answer';
import { getService } from '../../services';
import { isPrivateRequest, type CacheSlot } from './response-cache';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type Config = { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };

const isPlainBody = (body: unknown) =>
  body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function';

/** Headers that belong to one response, not to the cached answer. */
const OWN_HEADERS = new Set([
  'etag',
  'content-length',
  'content-type',
  'date',
  'vary',
  'set-cookie',
  'x-cache',
  'x-response-time',
  'connection',
  'transfer-encoding',
]);

/** Answers built from click counts a hit cannot refresh: kept only RESPONSE_CACHE_COUNTERS_TTL_S. */
const COUNTED_REST = /\/articles\/popular\/?$/i;
const COUNTED_GRAPHQL = /\b(clickCount|popularArticles)\b/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${(strapi.config.get('api.rest.prefix', '/api') as string).toLowerCase()}/`;
  const endpoint = (strapi.config.get('plugin::graphql.endpoint', '/graphql') as string).toLowerCase();

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    await next();
    const path = ctx.path.toLowerCase();
    const read = ctx.method === 'GET' || ctx.method === 'HEAD';
    const rest = read && path.startsWith(prefix);
    const graphql = !rest && path.replace(/\/+$/, '') === endpoint && (read || ctx.method === 'POST');
    if (!rest && !graphql) return;
    if (rest && (ctx.response.get('ETag') || ctx.response.get('Cache-Control'))) return;
    if (isPrivateRequest(ctx)) {
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    if (ctx.status !== 200) return;

    let made: ReturnType<typeof template>;
    let data: unknown;
    let collection: string;
    let countersOnly = false;
    if (rest) {
      if (!isPlainBody(ctx.body)) return;
      data = ctx.body;
      made = template(ctx.body);
      collection = path.slice(prefix.length).split('/')[0];
      countersOnly = COUNTED_REST.test(path);
    } else {
      // Only a successful query (never a mutation, never an answer with errors).
      if (ctx.state.graphqlOperation !== 'query' || typeof ctx.body !== 'string') return;
      try {
        data = JSON.parse(ctx.body);
      } catch {
        return;
      }
      if ((data as { errors?: unknown }).errors) return;
      made = template(data);
      collection = 'graphql';
      const { query } = (read ? ctx.query : (ctx.request.body ?? {})) as { query?: unknown };
      countersOnly = typeof query !== 'string' || COUNTED_GRAPHQL.test(query);
    }

    const config = strapi.config.get('public-cache') as Config;
    const keys = surrogateKeys(data, collection);
    // stale-while-revalidate only for CDNs (RFC 9213's CDN-Cache-Control): browsers
    // honour it in Cache-Control too and showed a stale click total after a click.
    ctx.set('Cache-Control', `public, max-age=${config.maxAge}, s-maxage=${config.sMaxAge}`);
    if (config.staleWhileRevalidate > 0) {
      ctx.set('CDN-Cache-Control', `max-age=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`);
    }
    ctx.set('Surrogate-Key', keys.join(' '));
    ctx.set('Cache-Tag', keys.join(','));
    ctx.vary('Origin');
    if (graphql) ctx.vary('Accept');
    const contentType = String(ctx.response.get('Content-Type') || 'application/json; charset=utf-8');
    const text = fill(made.pieces, made.values);
    // What this response sends, and what a hit with the same totals will send again.
    const sent = { totals: made.values.join(','), body: ownBytes(text), etag: etagOf(made.hash, made.values) };

    const slot = ctx.state.responseCache as CacheSlot | undefined;
    if (slot) {
      const cache = getService(strapi, 'responseCache');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(ctx.response.headers)) {
        if (!OWN_HEADERS.has(name) && !name.startsWith('access-control-') && value !== undefined) headers[name] = String(value);
      }
      const kept: Omit<CachedAnswer, 'bytes'> = {
        contentType,
        headers,
        pieces: made.pieces,
        counts: made.counts,
        hash: made.hash,
        keys,
        expiresAt: countersOnly ? Date.now() + cache.config.countersTtlS * 1000 : Infinity,
        sent,
      };
      const answer: CachedAnswer = { ...kept, bytes: entryBytes(kept, slot.key) };
      const stored = (!countersOnly || cache.config.countersTtlS > 0) && cache.set(slot.key, answer, slot.startedIn);
      if (stored && made.counts.length) await cache.totals(made.counts, made.values);
    }

    ctx.set('ETag', sent.etag);
    if (read && ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = contentType;
    ctx.body = sent.body;
  };
};
