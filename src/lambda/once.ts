/**
 * Runs `make` on first use and shares the result; a failure is not cached, so the next call tries again
 * (a secret that could not be read during a blip is read on the next invocation).
 */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
