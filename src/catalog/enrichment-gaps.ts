/** Something the alert could not say, and why: shown as one line so the reader knows what is missing. */
export interface EnrichmentGap {
  /** What could not be read, e.g. "product and version". */
  what: string;
  /** Why, in AWS's words: `AccessDeniedException: … (after 3 attempts)`. */
  why: string;
}

/** `Name: message`, with the number of attempts when the SDK retried (throttling, 5xx). */
export function describeAwsError(error: unknown): string {
  const e = (error ?? {}) as { name?: string; message?: string; $metadata?: { attempts?: number } };
  const attempts = e.$metadata?.attempts ?? 0;
  const retried = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const name = e.name && e.name !== 'Error' ? `${e.name}: ` : '';
  return `${name}${e.message ?? String(error)}${retried}`;
}

/** Runs one read; on failure records a gap and gives undefined, so one failed call never loses the alert. */
export async function readOrGap<T>(
  gaps: EnrichmentGap[],
  what: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    gaps.push({ what, why: describeAwsError(error) });
    return undefined;
  }
}
