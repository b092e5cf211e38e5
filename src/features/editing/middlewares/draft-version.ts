// Saves that state the version of the draft they were based on, as HTTP does it: `If-Match`
// with the draft's updatedAt (`"2025-03-01T08:00:00.123Z"`, exact; the admin panel sends it)
// or `If-Unmodified-Since` (an HTTP-date, whole seconds). The version is compared with the
// stored draft inside the write (src/features/editing/rules/refuse-stale-save.ts), on the
// content manager's save and publish, REST updates and GraphQL mutations alike; a request
// without either header is not checked (older clients keep working). A stale write's
// ConflictError, and a stale review move's, is answered 409 in Strapi's error format.
import type { Core } from '@strapi/strapi';
import { parsePreconditions } from '../../../lib/draft-version';
import { ConflictError, draftPreconditions } from '../../../utils/draft-precondition';
import { sendError } from '../../../utils/send-error';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
/** Where saves of drafts arrive: the content manager, the REST API, GraphQL. */
const SAVING_PATHS = /^\/(content-manager\/|api\/|graphql(\/|$))/;

const answerConflicts = async (ctx: KoaContext, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    sendError(ctx, 409, 'ConflictError', error.message, (error.details as object | undefined) ?? {});
  }
};

export default () => async (ctx: KoaContext, next: () => Promise<unknown>) => {
  if (!WRITES.has(ctx.method) || !SAVING_PATHS.test(ctx.path)) return answerConflicts(ctx, next);
  const parsed = parsePreconditions({ ifMatch: ctx.get('If-Match'), ifUnmodifiedSince: ctx.get('If-Unmodified-Since') });
  if (!parsed.ok) return sendError(ctx, 400, 'ValidationError', parsed.message);
  if (!parsed.precondition) return answerConflicts(ctx, next);
  const store = { precondition: parsed.precondition };
  return draftPreconditions.run(store, () => answerConflicts(ctx, next));
};
