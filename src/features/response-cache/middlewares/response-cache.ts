// Cached public answers served before the rest of the stack (the feed fast path does
// the same for feeds): anonymous GET/HEAD under the REST prefix, and GraphQL queries by
// GET or POST. The key is the whole request: the public origin, the URL with its query
// (for this project's own REST routes, only the parameters they read:
// src/lib/response-cache/key.ts), and for a POST the operation, its variables and extensions. A miss goes on through the
// stack and src/features/response-cache/middlewares/public-cache-headers.ts keeps the answer when it may be kept.
// Requests with an Authorization header are never served from, nor stored in, the cache.
import type { Core } from '@strapi/strapi';
import { bytesFor, type CachedAnswer } from '../../../lib/response-cache/answer';
import { readQuery } from '../../../lib/response-cache/key';
import { READABLE_TYPES } from '../../public-api';
import type { GraphqlLimits } from '../../../utils/graphql-limits';
import { configuredCors, publicOrigin } from '../../../utils/fast-path';
import { getService } from '../../services';
import { readGraphqlBody } from '../../public-api';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export type CacheSlot = { key: string; startedIn: number };

/**
 * Requests whose answer is theirs alone: credentials (an API token may read drafts), and
 * Strapi's headers that change the answer's format (v4 responses, source maps), which the
 * URL does not show. They are neither served from nor kept in any shared cache.
 */
export const isPrivateRequest = (ctx: { get: (name: string) => string }) =>
  Boolean(ctx.get('authorization') || ctx.get('strapi-response-format') || ctx.get('strapi-encode-source-maps'));

const MAX_KEY_LENGTH = 8_192;

/** Answers read at every request, never cached: click statistics change with each view. */
const NEVER_CACHED = /\/clicks\/?$/i;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${(strapi.config.get('api.rest.prefix', '/api') as string).toLowerCase()}/`;
  const exactEndpoint = strapi.config.get('plugin::graphql.endpoint', '/graphql') as string;
  const endpoint = exactEndpoint.toLowerCase();
  const limits = strapi.config.get('graphql-limits') as GraphqlLimits;
  const cors = configuredCors(strapi);
  const cache = () => getService(strapi, 'responseCache');
  // This project's REST routes, whose query parameters are known: the readable types'
  // collections (their core routes, by-slug, the most-read list) and the site search.
  // Other routes (plugins') keep their whole URL in the key.
  const ownCollections = new Set([...READABLE_TYPES.map((uid) => strapi.contentTypes[uid].info.pluralName.toLowerCase()), 'search']);
  /** The URL as the key holds it: on our own routes, without the parameters nothing reads. */
  const restUrl = (ctx: KoaContext, path: string) => {
    if (!ctx.querystring || !ownCollections.has(path.slice(prefix.length).split('/')[0])) return ctx.url;
    const read = readQuery(ctx.querystring);
    if (read === null) return ctx.url;
    return read ? `${ctx.path}?${read}` : ctx.path;
  };

  const keyOf = async (ctx: KoaContext): Promise<string | null | false> => {
    const path = ctx.path.toLowerCase();
    const origin = publicOrigin(strapi);
    const read = ctx.method === 'GET' || ctx.method === 'HEAD';
    if (read && path.startsWith(prefix)) return NEVER_CACHED.test(path) ? null : `GET ${origin}${restUrl(ctx, path)}`;
    if (path.replace(/\/+$/, '') !== endpoint) return null;
    // Apollo answers in the type the client accepts (application/json or graphql-response+json).
    if (read) return `GET ${origin}${ctx.url} ${ctx.get('accept')}`;
    // strapi::body parses the body of any other spelling of the URL (/GraphQL, /graphql?x=1)
    // later on: those are not read here, and not cached.
    if (ctx.method !== 'POST' || ctx.url !== exactEndpoint || !ctx.is('application/json')) return null;
    if (!(await readGraphqlBody(ctx, limits.maxBody))) return false; // answered 400/413
    const { query, variables, operationName, extensions } = (ctx.request.body ?? {}) as Record<string, unknown>;
    return `POST ${origin}${ctx.path} ${ctx.get('accept')} ${JSON.stringify([query ?? null, variables ?? null, operationName ?? null, extensions ?? null])}`;
  };

  const write = async (ctx: KoaContext, answer: CachedAnswer) => {
    const totals = answer.counts.length ? (cache().freshTotals(answer.counts) ?? (await cache().totals(answer.counts))) : [];
    const sent = bytesFor(answer, totals);
    ctx.status = 200;
    for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
    ctx.set('ETag', sent.etag);
    ctx.set('X-Cache', 'HIT');
    ctx.vary('Origin');
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = answer.contentType;
    ctx.body = sent.body;
  };

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    if (!cache().active() || isPrivateRequest(ctx)) return next();
    const key = await keyOf(ctx);
    // A GraphQL body that is not JSON or too large was answered 400/413; CORS still applies.
    if (key === false) return cors(ctx, async () => undefined);
    // Long keys (a URL or an operation of many KB) are not kept: they would cost more than they save.
    if (key === null || key.length > MAX_KEY_LENGTH) return next();
    const answer = cache().get(key);
    if (answer) return cors(ctx, () => write(ctx, answer));
    ctx.state.responseCache = { key, startedIn: cache().generation() } satisfies CacheSlot;
    ctx.set('X-Cache', 'MISS');
    return next();
  };
};
