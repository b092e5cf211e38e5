// Content-API reads of the newsroom's types get a bounded cost before Strapi runs them:
// nested filters and populates, list sizes, sort and pagination are checked by
// src/lib/public-query.ts and refused with a 400 that says what is allowed. Everyone
// is held to it, API tokens included: no read needs more than a page of articles
// with their direct relations.
import type { Core } from '@strapi/strapi';
import { trackRequest } from '../../../utils/time-slice';
import { checkPublicQuery, QueryProblem, queryWeight } from '../../../lib/public-query';
import { acquireHeavySlot, Overloaded } from '../../../utils/heavy-requests';
import { schemaLookup } from '../../../utils/schema-lookup';
import { escapeRegExp } from '../../../utils/fast-path';
import { sendError } from '../../../utils/send-error';
import { READABLE_TYPES } from '../permissions';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const byPlural = new Map<string, string>();
  for (const uid of READABLE_TYPES) byPlural.set(strapi.contentTypes[uid].info.pluralName, uid);
  // Strapi's router matches paths case-insensitively: so does this guard.
  // `/api/articles/by-slug/<slug>` reads an article too, and takes the same query.
  const pattern = new RegExp(`^${escapeRegExp(prefix)}/([a-z0-9-]+)(?:/by-slug)?(?:/[^/]+)?/?$`, 'i');
  const schema = schemaLookup(strapi);

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const uid = byPlural.get((pattern.exec(ctx.path)?.[1] ?? '').toLowerCase());
    if (!uid) return next();
    const query = ctx.query as Record<string, unknown>;
    try {
      checkPublicQuery(query, uid, schema);
    } catch (error) {
      if (!(error instanceof QueryProblem)) throw error;
      return sendError(ctx, 400, 'ValidationError', `${error.message}. See docs/api.md for the queries the public API takes.`);
    }
    if (queryWeight(query, uid, schema) === 'light') return next();
    let release: () => void;
    try {
      release = await acquireHeavySlot(strapi);
    } catch (error) {
      if (!(error instanceof Overloaded)) throw error;
      ctx.set('Retry-After', '1');
      return sendError(
        ctx,
        503,
        'ServiceUnavailableError',
        'Too many expensive queries at once: retry shortly, or ask by slug or documentId'
      );
    }
    try {
      // Heavy: its reads give ordinary requests a turn every few milliseconds.
      return await trackRequest(() => next(), true);
    } finally {
      release();
    }
  };
};
