export interface RetryOptions {
  attempts: number;
  firstDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `attempt` until it returns a value, doubling the delay after each `'again'` (an AWS answer that is
 * expected to change, like InvalidInstanceID.NotFound right after a launch). After the last attempt `onGiveUp`
 * decides: a best-effort value or an error.
 */
export async function retryWithBackoff<T>(
  attempt: (index: number) => Promise<T | 'again'>,
  options: RetryOptions,
  onGiveUp: () => T | Promise<T>,
): Promise<T> {
  const sleep = options.sleep ?? sleepMs;
  for (let index = 0; index < options.attempts; index += 1) {
    if (index > 0) await sleep(options.firstDelayMs * 2 ** (index - 1));
    const result = await attempt(index);
    if (result !== 'again') return result;
  }
  return onGiveUp();
}
