// A heavy request's reads give other work a turn once its slice is used up; ordinary
// requests never wait.
import { isHeavy, markHeavy, trackRequest, yieldToIo } from '../../src/utils/time-slice';

/** Burns `ms` of CPU synchronously, like a better-sqlite3 query. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** Runs 20 "queries" of 3 ms each, yielding before each, and counts how often a timer got in between. */
const run = async (heavy: boolean) => {
  let turns = 0;
  let stop = false;
  const other = () => {
    if (stop) return;
    turns += 1;
    setImmediate(other);
  };
  setImmediate(other);
  await trackRequest(async () => {
    for (let i = 0; i < 20; i += 1) {
      await yieldToIo(10);
      busy(3);
    }
  }, heavy);
  stop = true;
  return turns;
};

test('a heavy request lets other work run about every 10 ms of its own', async () => {
  expect(await run(true)).toBeGreaterThanOrEqual(4);
});

test('an ordinary request runs to its end without giving turns away', async () => {
  expect(await run(false)).toBe(0);
});

test('markHeavy turns the current request heavy; outside any request nothing is heavy', async () => {
  expect(isHeavy()).toBe(false);
  await trackRequest(async () => {
    expect(isHeavy()).toBe(false);
    await Promise.resolve();
    markHeavy();
    expect(isHeavy()).toBe(true);
  });
  expect(isHeavy()).toBe(false);
});

test('a slice of 0 never yields', async () => {
  let ran = false;
  setImmediate(() => (ran = true));
  await trackRequest(async () => {
    busy(20);
    await yieldToIo(0);
    expect(ran).toBe(false);
  }, true);
});
