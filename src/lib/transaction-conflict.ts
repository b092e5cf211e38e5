// A PostgreSQL transaction that lost a deadlock (40P01) or a serialization conflict (40001)
// was rolled back as a whole: nothing of it was written, and running it again is the
// documented answer. These decide which errors those are and how long to wait between tries.

const RETRYABLE = new Set(['40P01', '40001']);

/** A deadlock or serialization failure, also when wrapped in a cause (knex, Strapi). */
export const isTransactionConflict = (error: unknown, depth = 0): boolean => {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, cause, originalError } = error as { code?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  return isTransactionConflict(cause, depth + 1) || isTransactionConflict(originalError, depth + 1);
};

/** Tries after the first: enough for the two or three writers of one document an agency has at once. */
export const MAX_RETRIES = 3;

/**
 * The wait before try `attempt + 1` (attempt counts from 0): growing, with jitter so that two
 * instances that collided do not collide again on the same beat.
 */
export const retryDelayMs = (attempt: number, random: () => number = Math.random) => Math.round((20 + random() * 30) * 2 ** attempt);
