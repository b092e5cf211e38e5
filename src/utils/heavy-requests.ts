// Bulkheads for public reads that may scan the archive: at most `concurrency` run at
// once, `queue` more wait, and the rest answer 503 with Retry-After. Ordinary reads do
// not pass through them, so they never wait behind a queue of expensive ones. Two
// lanes: heavy reads (REST queries that scan, GraphQL over the light cost), whose slot
// stays closed for a while after each, and site searches, whose cost is bounded.
import type { Core } from '@strapi/strapi';
import { Sema } from 'async-sema';

type Config = { concurrency: number; queue: number; lightCost: number; pauseFactor: number; searchConcurrency: number };

export class Overloaded extends Error {}

type Lane = { concurrency: (config: Config) => number; pauseFactor: (config: Config) => number };

const HEAVY: Lane = {
  concurrency: (config) => config.concurrency,
  // With better-sqlite3 a heavy request runs on the main thread without yielding:
  // keeping its slot closed for as long again leaves that time to ordinary reads.
  pauseFactor: (config) => config.pauseFactor,
};
// A search ranks ids, then reads one page; on SQLite it also yields (src/utils/time-slice.ts).
const SEARCH: Lane = { concurrency: (config) => config.searchConcurrency, pauseFactor: () => 0 };

const semas = new Map<Lane, Sema>();

/** Waits for a slot of `lane`; throws Overloaded when too many already wait. Returns the release. */
const acquire = async (strapi: Core.Strapi, lane: Lane): Promise<() => void> => {
  const config = strapi.config.get('heavy-requests') as Config;
  let lock = semas.get(lane);
  if (!lock) semas.set(lane, (lock = new Sema(Math.max(1, lane.concurrency(config)))));
  if (lock.nrWaiting() >= config.queue) throw new Overloaded('Too many expensive requests at once');
  await lock.acquire();
  const started = Date.now();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const pause = (Date.now() - started) * lane.pauseFactor(config);
    if (pause >= 1) setTimeout(() => lock.release(), Math.min(pause, 5_000)).unref();
    else lock.release();
  };
};

export const acquireHeavySlot = (strapi: Core.Strapi) => acquire(strapi, HEAVY);

/** Site searches have their own lane: `searchConcurrency` at once, the same queue bound, no pause. */
export const acquireSearchSlot = (strapi: Core.Strapi) => acquire(strapi, SEARCH);

export const heavyConfig = (strapi: Core.Strapi) => strapi.config.get('heavy-requests') as Config;
