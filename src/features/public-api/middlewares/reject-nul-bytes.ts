// A NUL character is never content: PostgreSQL refuses it (a 500 with SQL in the
// message) and SQLite stores a string that cuts short. Any request carrying one, in
// its URL or in a JSON body (GraphQL variables and escaped \u0000 in a query
// included), gets a 400 before anything else sees it.
import type { Core } from '@strapi/strapi';
import { sendError } from '../../../utils/send-error';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const NUL_IN_URL = /%00|\u0000/i;
// GraphQL source text may spell NUL as an escape: "\u0000" or "\u{0}".
const NUL_ESCAPE = /\\u0000|\\u\{0+\}/i;

export const carriesNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  // Deeper than any real request: refused too, rather than left unchecked.
  if (depth > 64) return true;
  for (const [key, item] of Object.entries(value)) if (key.includes('\u0000') || carriesNul(item, depth + 1)) return true;
  return false;
};

const refuse = (ctx: KoaContext) =>
  sendError(ctx, 400, 'ValidationError', 'The request contains a NUL character (\\u0000), which no field accepts, or is nested too deeply');

export default () => async (ctx: KoaContext, next: () => Promise<unknown>) => {
  if (NUL_IN_URL.test(ctx.url)) return refuse(ctx);
  const body = (ctx.request as { body?: unknown }).body;
  if (body !== undefined && carriesNul(body)) return refuse(ctx);
  const graphqlQuery = (body as { query?: unknown } | undefined)?.query ?? ctx.query.query;
  if (typeof graphqlQuery === 'string' && NUL_ESCAPE.test(graphqlQuery)) return refuse(ctx);
  return next();
};
