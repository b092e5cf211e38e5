import type { Core } from '@strapi/strapi';

// Public reads that may scan the archive (src/lib/public-query.ts `queryWeight`, and
// GraphQL operations over `lightCost`) run a few at a time, so that ordinary reads are
// never queued behind many of them (SQLite runs queries on the one main thread).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Heavy requests running at once (per instance). */
  concurrency: env.int('HEAVY_REQUEST_CONCURRENCY', 1),
  /** Heavy requests waiting; past this they answer 503 with Retry-After. */
  queue: env.int('HEAVY_REQUEST_QUEUE', 32),
  /**
   * After a heavy request, its slot stays closed this many times as long as it ran, so
   * heavy requests take at most 1 / (1 + factor) of the server's time; 0 = no pause.
   */
  pauseFactor: env.float('HEAVY_REQUEST_PAUSE_FACTOR', 1),
  /** A GraphQL operation over this cost (see config/graphql-limits.ts) is heavy. */
  lightCost: env.int('GRAPHQL_LIGHT_COST', 60),
  /**
   * SQLite: a read gives the event loop a turn after this many milliseconds of work
   * (src/utils/time-slice.ts), so a long one does not hold up the readers behind it; 0 = never.
   */
  sliceMs: env.int('EVENT_LOOP_SLICE_MS', 10),
  /** Site searches (/api/search) running at once, per instance; they queue like heavy reads. */
  searchConcurrency: env.int('SEARCH_CONCURRENCY', 2),
  /** Relations a heavy GraphQL operation loads at once (each is a query and a pool connection). */
  loadConcurrency: env.int('HEAVY_GRAPHQL_LOADS', 2),
});
