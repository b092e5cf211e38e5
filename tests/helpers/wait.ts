// Waiting in tests: poll for the condition a test needs instead of sleeping a fixed time
// (a fixed sleep is too short on a loaded machine and too long everywhere else).

export type WaitOptions = {
  /** How long the condition may take before the test fails (default 10 s). */
  timeoutMs?: number;
  /** How often it is checked (default 25 ms). */
  stepMs?: number;
  /** Says what was awaited in the failure message. */
  what?: string;
};

const optionsOf = (
  options: WaitOptions | number | undefined,
  stepMs: number | undefined
): Required<Omit<WaitOptions, 'what'>> & WaitOptions =>
  typeof options === 'number' ? { timeoutMs: options, stepMs: stepMs ?? 25 } : { timeoutMs: 10_000, stepMs: 25, ...options };

/**
 * Resolves with the first truthy value `find` gives, checked every `stepMs`; fails after `timeoutMs`.
 * The check runs once more at the deadline, so a slow check is never cut short.
 */
export const waitForValue = async <T>(
  find: () => T | Promise<T>,
  options?: WaitOptions | number,
  stepMs?: number
): Promise<NonNullable<T>> => {
  const { timeoutMs, stepMs: step, what } = optionsOf(options, stepMs);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found as NonNullable<T>;
    if (Date.now() >= until) throw new Error(`${what ?? 'condition'} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, step));
  }
};

/** Waits until `check` holds: `waitFor(check, { timeoutMs })` (or the older `waitFor(check, timeoutMs, stepMs)`). */
export const waitFor = async (check: () => boolean | Promise<boolean>, options?: WaitOptions | number, stepMs?: number) => {
  await waitForValue(check, options, stepMs);
};

/** Waits until the clock reads `at` (ms since the epoch or an ISO date) or later: for a time the app itself measures. */
export const waitUntilTime = (at: number | string) => {
  const time = typeof at === 'string' ? Date.parse(at) : at;
  return waitFor(() => Date.now() >= time, {
    timeoutMs: Math.max(0, time - Date.now()) + 5_000,
    stepMs: 10,
    what: `the time ${new Date(time).toISOString()}`,
  });
};

/**
 * A fixed wait. Only for proving that nothing happens during a quiet time (a debounce, a
 * window); say at the call why no condition can be awaited instead.
 */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` with Date.now of this process (the app's too, when it runs in the test's
 * process) `ms` ahead: for an in-memory window with no clock of its own to inject, instead
 * of sleeping through the window. `new Date()` and timers are left alone.
 */
export const withDateNowAhead = async <T>(ms: number, work: () => Promise<T>): Promise<T> => {
  const realNow = Date.now.bind(Date);
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);
  try {
    return await work();
  } finally {
    clock.mockRestore();
  }
};
