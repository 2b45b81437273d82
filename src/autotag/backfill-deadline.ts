/** No new LookupEvents page or place this close to the worker's end: what was read is still planned and saved. */
export const STOP_BEFORE_DEADLINE_MS = 60_000;

/** Thrown by a read that reached the deadline before it was done; what it read so far is kept. */
export class NotReadInTimeError extends Error {
  override name = 'NotReadInTimeError';
}

/** What a person reads for a place left unread, and what to do about it. */
export const notReadInTime = (account: string, region: string) =>
  `${account} ${region}: not read in time: run again with account=${account} region=${region}`;

/** Whether there is still time to start a read; without a known deadline there always is. */
export function timeLeft(remainingMs: (() => number) | undefined): () => boolean {
  return () => remainingMs === undefined || remainingMs() > STOP_BEFORE_DEADLINE_MS;
}
