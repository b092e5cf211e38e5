// The write side of clicks, as a group commit: a counted click joins the group that the
// next write will carry, and its 202 waits for that write's commit. While one write
// runs, the clicks that arrive form the next group, so a busy server writes many clicks
// per transaction and an idle one writes each at once (after `holdMs`). A write that
// fails is answered as not stored (503), never kept to be written later: an answer is
// given only for what is on disk. Each write also reads the stored totals it leaves;
// `consistent` lets a read of stored counts and the pending ones add up without
// counting a group twice.
import type { Core } from '@strapi/strapi';
import { ClickBuffer } from '../../lib/click-buffer';
import type { ClickStore } from './store';

type Group = { committed: Promise<void>; resolve: () => void; reject: (error: Error) => void };

const newGroup = (): Group => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const committed = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Every waiter handles the rejection; this keeps an unawaited group from crashing the process.
  committed.catch(() => undefined);
  return { committed, resolve, reject };
};

export const createFlusher = (strapi: Core.Strapi, store: ClickStore, holdMs: number) => {
  const buffer = new ClickBuffer();
  /** documentId -> total already in the database (legacy count included). */
  const stored = new Map<string, number>();
  /** The clicks in `buffer` and their waiters; null when nothing waits. */
  let group: Group | null = null;
  /** The scheduled write: a timer, or with holdMs 0 an immediate (after this turn's I/O). */
  let timer: { cancel: () => void } | null = null;
  let writing: Promise<void> | null = null;
  /** Bumped when a written group stops counting as pending (see `consistent`). */
  let settled = 0;

  const writeOnce = async () => {
    if (buffer.size === 0) return;
    const batch = buffer.take();
    const waiting = group;
    group = null;
    let totals: Map<string, number>;
    try {
      totals = await store.writeBatch(batch);
    } catch (error) {
      buffer.discard(batch);
      strapi.log.error(`[clicks] write failed, ${batch.size} rows answered as not stored: ${(error as Error).message}`);
      waiting?.reject(error as Error);
      return;
    }
    // What is now stored for these documents (other instances' clicks included); the
    // group stops counting as pending in the same synchronous step, so no double count.
    for (const [id, total] of totals) stored.set(id, total);
    buffer.settle(batch);
    settled += 1;
    waiting?.resolve();
  };

  /** Starts the next write now, unless one is running (it starts the next when it ends). */
  const writeNow = () => {
    timer?.cancel();
    timer = null;
    if (writing || buffer.size === 0) return writing ?? Promise.resolve();
    writing = writeOnce().finally(() => {
      writing = null;
      if (buffer.size > 0) schedule();
    });
    return writing;
  };

  const schedule = () => {
    if (timer || writing) return;
    if (holdMs > 0) {
      const handle = setTimeout(writeNow, holdMs);
      timer = { cancel: () => clearTimeout(handle) };
    } else {
      // The clicks read in this turn of the event loop share one write.
      const handle = setImmediate(writeNow);
      timer = { cancel: () => clearImmediate(handle) };
    }
  };

  const flusher = {
    buffer,
    stored,

    /** Adds one counted click; resolves once it is committed, rejects if its write failed. */
    add(documentId: string, locale: string, day: string): Promise<void> {
      buffer.add(documentId, locale, day);
      group ??= newGroup();
      schedule();
      return group.committed;
    },

    /** Writes everything waiting, now, and resolves when nothing is left or being written. */
    async flush(): Promise<void> {
      while (writing || buffer.size > 0) {
        if (writing) await writing.catch(() => undefined);
        else await writeNow();
      }
    },

    /** The stored total of one document (cached until its state changes). */
    async storedTotal(documentId: string) {
      const cached = stored.get(documentId);
      if (cached !== undefined) return cached;
      const before = settled;
      const total = (await store.totals([documentId])).get(documentId) ?? 0;
      // A write settled during the read has set a newer total: keep that one.
      if (settled === before || !stored.has(documentId)) stored.set(documentId, total);
      return stored.get(documentId)!;
    },

    /**
     * A database read and the pending clicks added together must see the same side of a
     * write: between its commit and its settle, a group is in both. So a read that
     * overlapped a write is read again; `combine` runs synchronously with the check.
     */
    async consistent<T, R>(read: () => Promise<T>, combine: (value: T) => R): Promise<R> {
      for (let attempt = 0; ; attempt += 1) {
        while (writing) await writing.catch(() => undefined);
        const before = settled;
        const value = await read();
        if ((!writing && settled === before) || attempt >= 5) return combine(value);
      }
    },
  };
  return flusher;
};

export type Flusher = ReturnType<typeof createFlusher>;
