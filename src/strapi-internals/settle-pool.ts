import type { Core } from '@strapi/strapi';

type TarnPool = {
  numUsed: () => number;
  numPendingAcquires: () => number;
  numPendingCreates: () => number;
};

const busy = (pool: TarnPool) => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();

/**
 * Waits until no query has run for `quietMs` (at most `maxMs`), so the database closes
 * after work nobody awaits: Strapi's document service announces each write after it
 * commits by reading the entry again (`entry.create`, `entry.publish` events), and a
 * shutdown right after a publish aborted that read with "aborted" (an unhandled
 * rejection) when knex destroyed its pool under it.
 */
export const settlePool = async (strapi: Core.Strapi, { quietMs = 100, maxMs = 5000, stepMs = 10 } = {}) => {
  const pool = (strapi.db?.connection as unknown as { client?: { pool?: TarnPool } } | undefined)?.client?.pool;
  if (!pool) return;
  const deadline = Date.now() + maxMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (busy(pool) > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  strapi.log.warn(`[shutdown] the database was still busy after ${maxMs} ms; closing it anyway`);
};
