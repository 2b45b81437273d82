import { logger } from '../lambda/logger';
import type { ProgressListener } from './collect-cases';

export interface ProgressOptions {
  /** Quiet time before the first update and between updates. */
  intervalMs: number;
  /** response_url takes 5 posts in 30 minutes: progress gets a few, the report the rest. */
  maxUpdates: number;
  now?: () => number;
}

/**
 * "Collected 120 of 200 accounts…" for long runs only: nothing for the first `intervalMs`, then at most
 * `maxUpdates` lines. Sends are chained (never overtake each other); `settled()` waits for them so the report
 * that follows is never replaced by a late progress line. A failed progress post is logged, not fatal.
 */
export function progressUpdates(
  send: (text: string) => Promise<void>,
  options: ProgressOptions,
): { listener: ProgressListener; settled: () => Promise<void> } {
  const now = options.now ?? Date.now;
  let last = now();
  let sent = 0;
  let chain = Promise.resolve();
  const listener: ProgressListener = ({ done, total, failed }) => {
    if (sent >= options.maxUpdates || done >= total || now() - last < options.intervalMs) return;
    sent += 1;
    last = now();
    const failures = failed > 0 ? ` (${failed} could not be read)` : '';
    const text = `Collected support cases from ${done} of ${total} accounts${failures}…`;
    chain = chain
      .then(() => send(text))
      .catch((error: unknown) => logger.warn('progress not shown', { error }));
  };
  return { listener, settled: () => chain };
}
