import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';

export interface RetryPolicy {
  /** Attempts running at once (the slots). */
  concurrency: number;
  /** Attempts per item, the first included. */
  maxAttempts: number;
  /** Whether a failed attempt may be made again (after a back-off, waited outside the slots). */
  isRetryable: (error: unknown) => boolean;
  /** How long to wait after the failed attempt number `attempt` (1-based) before queueing the next one. */
  backoffMs: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown; attempts: number };

/**
 * `attempt(item, n)` for every item, at most `concurrency` attempts at once. An attempt that fails with a
 * retryable error (throttling, a server error) gives its slot to the next item at once: it waits its back-off outside the slots,
 * then queues again ahead of the items not started yet. An item that fails for good (not retryable, or after
 * `maxAttempts`) ends as `{ ok: false }`. Outcomes keep the input order; `onDone` hears each as it ends. Never
 * rejects.
 */
export async function fanOutWithRetries<T, R>(
  items: readonly T[],
  policy: RetryPolicy,
  attempt: (item: T, attemptNumber: number) => Promise<R>,
  onDone: (outcome: Outcome<R>, item: T) => void = () => undefined,
): Promise<Outcome<R>[]> {
  const slots = new PQueue({ concurrency: policy.concurrency });
  const sleep = policy.sleep ?? delay;
  const once = (item: T, n: number) => async (): Promise<Outcome<R> | 'retry'> => {
    try {
      return { ok: true, value: await attempt(item, n) };
    } catch (error) {
      if (n < policy.maxAttempts && policy.isRetryable(error)) return 'retry';
      return { ok: false, error, attempts: n };
    }
  };
  const run = async (item: T): Promise<Outcome<R>> => {
    for (let n = 1; ; n += 1) {
      const outcome = await slots.add(once(item, n), { priority: n > 1 ? 1 : 0 });
      if (outcome !== 'retry') {
        onDone(outcome, item);
        return outcome;
      }
      await sleep(policy.backoffMs(n));
    }
  };
  return Promise.all(items.map(run));
}

/**
 * Exponential back-off with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random
 * wait up to `baseMs × 2^(attempt−1)`, at most `maxMs`.
 */
export function fullJitterBackoff(
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): (attempt: number) => number {
  return (attempt) => Math.round(random() * Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1)));
}
