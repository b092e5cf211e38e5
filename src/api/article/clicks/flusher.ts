// The write side of clicks: the in-memory buffer is written on a timer, in one
// transaction per flush; a failed write keeps its rows for the next try; the cached
// stored totals are refreshed after each write. `consistent` lets a read of stored
// counts and the pending ones add up without counting a batch twice.
import type { Core } from '@strapi/strapi';
import { ClickBuffer } from '../../../lib/click-buffer';
import type { ClickStore } from './store';

export const createFlusher = (strapi: Core.Strapi, store: ClickStore, flushMs: number) => {
  const buffer = new ClickBuffer();
  /** documentId -> total already in the database (legacy count included). */
  const stored = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  /** Bumped when a written batch stops counting as pending (see `consistent`). */
  let settled = 0;

  const flushOnce = async () => {
    if (buffer.size === 0) return;
    const batch = buffer.take();
    try {
      await store.writeBatch(batch);
    } catch (error) {
      buffer.restore(batch);
      strapi.log.error(`[clicks] flush failed, ${batch.size} rows kept for the next try: ${(error as Error).message}`);
      return;
    }
    // Re-read what is now stored for these documents (other instances' clicks included),
    // then stop counting the batch as pending: one synchronous step, so no double count.
    const ids = [...new Set([...batch.values()].map((row) => row.documentId))];
    let totals: Map<string, number> | null = null;
    try {
      totals = await store.totals(ids);
    } catch (error) {
      // The batch is written; only the cached totals are unknown: drop them (re-read later).
      strapi.log.warn(`[clicks] could not re-read totals after a flush: ${(error as Error).message}`);
    }
    for (const id of ids) {
      if (totals) stored.set(id, totals.get(id) ?? 0);
      else stored.delete(id);
    }
    buffer.settle(batch);
    settled += 1;
  };

  const flusher = {
    buffer,
    stored,

    /** Writes buffered clicks in one transaction. Concurrent calls share one write. */
    async flush(): Promise<void> {
      while (flushing) await flushing;
      if (buffer.size === 0) return;
      flushing = flushOnce().finally(() => {
        flushing = null;
      });
      await flushing;
    },

    start() {
      if (timer) return;
      timer = setInterval(() => {
        flusher.flush().catch((error) => strapi.log.error(`[clicks] ${(error as Error).message}`));
      }, flushMs);
      timer.unref();
    },

    /** Stops the timer and writes what is left (one retry if the last write failed). */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flusher.flush();
      if (buffer.size > 0) await flusher.flush();
    },

    /** The stored total of one document (cached until its state changes). */
    async storedTotal(documentId: string) {
      const cached = stored.get(documentId);
      if (cached !== undefined) return cached;
      const total = (await store.totals([documentId])).get(documentId) ?? 0;
      stored.set(documentId, total);
      return total;
    },

    /**
     * A database read and the pending clicks added together must see the same side of a
     * flush: between its commit and its settle, a batch is in both. So a read that
     * overlapped a flush is read again; `combine` runs synchronously with the check.
     */
    async consistent<T, R>(read: () => Promise<T>, combine: (value: T) => R): Promise<R> {
      for (let attempt = 0; ; attempt += 1) {
        while (flushing) await flushing;
        const before = settled;
        const value = await read();
        if ((!flushing && settled === before) || attempt >= 5) return combine(value);
      }
    },
  };
  return flusher;
};

export type Flusher = ReturnType<typeof createFlusher>;
