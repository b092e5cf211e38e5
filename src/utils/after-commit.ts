// Runs `cb` once the running database transaction commits (never if it rolls back), or
// now when there is none. What another process may act on (a CDN purge, a cache refill)
// must not happen while the change can still be rolled back or is not yet visible.
import type { Core } from '@strapi/strapi';

type Transaction = { trx: unknown; onCommit: (cb: () => void) => void };

export const afterCommit = async (strapi: Core.Strapi, cb: () => void) => {
  if (!strapi.db.inTransaction()) {
    cb();
    return;
  }
  // Nested in the running transaction: registers on it, commits nothing itself.
  await strapi.db.transaction(async ({ onCommit }: Transaction) => onCommit(cb));
};
