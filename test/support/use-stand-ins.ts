import { afterAll, beforeAll } from 'vitest';

/** Loopback stand-ins started (in parallel) before the tests of one `describe` and stopped after them. */
export function useStandIns(...standIns: { start(): Promise<unknown>; stop(): Promise<void> }[]): void {
  beforeAll(() => Promise.all(standIns.map((standIn) => standIn.start())));
  afterAll(() => Promise.all(standIns.map((standIn) => standIn.stop())));
}
