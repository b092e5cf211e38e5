// The rebuild trigger's state as its tables hold it (src/api/rebuild): tests wait for it
// to settle instead of sleeping "long enough that a pending burst would have gone out".
import type { Knex } from 'knex';
import { waitFor } from './wait';

/** Changes recorded and not yet taken into a delivery. */
export const pendingChanges = async (knex: Knex) => Number((await knex('rebuild_changes').count({ n: '*' }))[0].n);

/**
 * Nothing recorded waits for its burst and no delivery waits to be sent or retried: from
 * here on nothing more is sent until something changes, so the requests a receiver has
 * are all it will get.
 */
export const rebuildSettled = async (knex: Knex) => {
  const open = Number((await knex('rebuild_deliveries').whereIn('state', ['pending', 'delivering']).count({ n: '*' }))[0].n);
  return open === 0 && (await pendingChanges(knex)) === 0;
};

export const waitForRebuildSettled = (knex: Knex, timeoutMs = 20_000) =>
  waitFor(() => rebuildSettled(knex), { timeoutMs, what: 'the rebuild deliveries to settle' });
