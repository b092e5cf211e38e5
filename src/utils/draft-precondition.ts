// The version of a draft a request's save is based on (If-Match / If-Unmodified-Since),
// carried from the HTTP layer (src/features/editing/middlewares/draft-version.ts) to the document rule that
// compares it inside the write (src/features/editing/rules/refuse-stale-save.ts); and the
// error both answer with, 409 in Strapi's error format.
import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from '@strapi/utils';
import type { Precondition } from '../lib/draft-version';

export const draftPreconditions = new AsyncLocalStorage<{ precondition: Precondition }>();

/**
 * A write based on an older version of the draft than the stored one. An ApplicationError,
 * so GraphQL names it (STRAPI_CONFLICT_ERROR); the HTTP layer answers it 409.
 */
export class ConflictError extends errors.ApplicationError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    // ApplicationError types its name as a literal; this one names itself as it is answered.
    Object.assign(this, { name: 'ConflictError' });
  }
}
