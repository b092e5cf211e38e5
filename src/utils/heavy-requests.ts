// A bulkhead for public reads that may scan the archive: at most `concurrency` run at
// once, `queue` more wait, and the rest answer 503 with Retry-After. Ordinary reads do
// not pass through it, so they never wait behind a queue of expensive ones.
import type { Core } from '@strapi/strapi';
import { Sema } from 'async-sema';

type Config = { concurrency: number; queue: number; lightCost: number; pauseFactor: number; searchConcurrency: number };

export class Overloaded extends Error {}

let sema: Sema | null = null;

const semaphore = (strapi: Core.Strapi) => {
  sema ??= new Sema(Math.max(1, (strapi.config.get('heavy-requests') as Config).concurrency));
  return sema;
};

/** Waits for a slot; throws Overloaded when too many already wait. Returns the release. */
export const acquireHeavySlot = async (strapi: Core.Strapi): Promise<() => void> => {
  const lock = semaphore(strapi);
  if (lock.nrWaiting() >= (strapi.config.get('heavy-requests') as Config).queue)
    throw new Overloaded('Too many expensive requests at once');
  await lock.acquire();
  const started = Date.now();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // With better-sqlite3 a heavy request runs on the main thread without yielding:
    // keeping its slot closed for as long again leaves that time to ordinary reads.
    const pause = (Date.now() - started) * (strapi.config.get('heavy-requests') as Config).pauseFactor;
    if (pause >= 1) setTimeout(() => lock.release(), Math.min(pause, 5_000)).unref();
    else lock.release();
  };
};

export const heavyConfig = (strapi: Core.Strapi) => strapi.config.get('heavy-requests') as Config;

let searchSema: Sema | null = null;

/**
 * Site searches have their own lane: at most `searchConcurrency` at once, the same queue
 * bound, and no pause after each (a search's cost is bounded: it ranks ids, then reads
 * one page). On SQLite they also yield to ordinary reads (src/utils/time-slice.ts).
 */
export const acquireSearchSlot = async (strapi: Core.Strapi): Promise<() => void> => {
  const config = strapi.config.get('heavy-requests') as Config;
  searchSema ??= new Sema(Math.max(1, config.searchConcurrency));
  if (searchSema.nrWaiting() >= config.queue) throw new Overloaded('Too many searches at once');
  await searchSema.acquire();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    searchSema!.release();
  };
};
