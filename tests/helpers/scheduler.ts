// 定时发布 / 到期下线 on the test's clock: the scheduler's poll loop stopped and its looks
// (`tick`) run by the test, at the time the test says, instead of sleeping through polls.
import type { App } from './strapi';
import { getService } from '../../src/features/services';

type Outcome = { kind: string; documentId: string; locale: string; result: string };
export type SchedulerClock = {
  /** One look for due jobs, as a poll makes; resolves with what it did. */
  tick: () => Promise<Outcome[]>;
  /** Sets the clock jobs are judged by `ms` ahead of the real time (0: the real time). */
  aheadBy: (ms: number) => void;
};

/** Runs `work` with the poll loop stopped; the loop and the real clock come back after it. */
export const onSchedulerClock = async (app: App, work: (clock: SchedulerClock) => Promise<void>) => {
  const scheduler = getService(app, 'scheduler');
  await scheduler.stop();
  let ahead = 0;
  scheduler.useClock(() => Date.now() + ahead);
  try {
    await work({ tick: () => scheduler.tick(), aheadBy: (ms) => (ahead = ms) });
  } finally {
    scheduler.useClock();
    scheduler.start();
  }
};

/** Runs `looks` looks for due jobs and gives what they did to `documentId` (none: nothing ran for it). */
export const jobsRunFor = async (app: App, documentId: string, { looks = 3, aheadMs = 0 } = {}) => {
  const done: Outcome[] = [];
  await onSchedulerClock(app, async (clock) => {
    clock.aheadBy(aheadMs);
    for (let i = 0; i < looks; i += 1) done.push(...(await clock.tick()));
  });
  return done.filter((outcome) => outcome.documentId === documentId);
};
