/**
 * A clock for sequential code: it only moves when someone sleeps (each sleep resolves at once), so send times are
 * exact and the test takes no real time. For code that runs work concurrently use `virtualTimers`.
 */
export function virtualClock(start: number) {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

/**
 * A clock for concurrent code: `sleep(ms)` resolves when the clock reaches its time, and `run(work)` moves the
 * clock to the next timer whenever every piece of work is waiting on one. Timers due together resolve in the order
 * they were set. Times are exact and the test takes no real time.
 */
export function virtualTimers(start = 0) {
  let now = start;
  let order = 0;
  const timers: { due: number; order: number; resolve: () => void }[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      timers.push({ due: now + Math.max(0, ms), order: order++, resolve });
    });
  async function run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    done.catch(() => undefined);
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) return done;
      timers.sort((a, b) => a.due - b.due || a.order - b.order);
      const next = timers.shift();
      if (!next) throw new Error('virtual timers: the work waits on something other than a timer');
      now = next.due;
      next.resolve();
    }
  }
  return { now: () => now, sleep, run };
}
