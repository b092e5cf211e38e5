// better-sqlite3 answers synchronously, so a request whose database work is a chain of
// small queries joined by promises (a GraphQL list whose items each load a relation, a
// REST read that finds, populates and counts) never gives the event loop a turn: readers
// who arrive meanwhile wait for all of it. In a request marked heavy (the bulkhead's,
// src/utils/heavy-requests.ts), `yieldToIo` ends a time slice every `sliceMs`: the heavy
// work waits for one turn of the loop, in which new requests are read and the ordinary
// ones, which never yield, run to their end.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

const requests = new AsyncLocalStorage<{ heavy: boolean }>();

/** Runs a request's work in its own context, heavy from the start or marked later by `markHeavy`. */
export const trackRequest = <T>(work: () => T, heavy = false): T => requests.run({ heavy }, work);

/** Whether the current request is a heavy one. */
export const isHeavy = () => requests.getStore()?.heavy === true;

/** The current request turned out heavy (a GraphQL operation over the light cost). */
export const markHeavy = () => {
  const store = requests.getStore();
  if (store) store.heavy = true;
};

let sliceStart = performance.now();
let turn: Promise<void> | null = null;

const nextTurn = () =>
  (turn ??= new Promise((resolve) =>
    setImmediate(() => {
      turn = null;
      sliceStart = performance.now();
      resolve();
    })
  ));

/** In a heavy request, waits for a turn of the event loop when the slice is over; `sliceMs` 0 never waits. */
export const yieldToIo = async (sliceMs: number) => {
  if (sliceMs <= 0 || !isHeavy()) return;
  while (performance.now() - sliceStart >= sliceMs) await nextTurn();
};
