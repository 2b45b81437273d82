import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_SECONDS, LEASE_SECONDS, startRun } from '../../src/jobs/run-lease';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

describe('a run lease', () => {
  let store: StateStore;
  useLocalStateStore('run-lease-test', (s) => {
    store = s;
  });
  afterEach(() => vi.useRealTimers());

  it(`is renewed every ${HEARTBEAT_SECONDS} s while the work goes on, so a long run is never taken for dead`, async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let nowMs = Date.parse('2026-12-01T10:00:00Z');
    const clock = { nowMs: () => nowMs, sleep: async () => {} };
    const start = await startRun(store, 'cases#long-run', clock);
    if (start.outcome !== 'run') throw new Error('expected to own the run');
    const leaseUntil = async () =>
      (await store.get<{ leaseUntil: number }>('run#cases#long-run'))?.data.leaseUntil ?? 0;

    const seen: number[] = [];
    await start.lease.keepAliveWhile(async () => {
      for (let minute = 0; minute < 3; minute += 1) {
        nowMs += 60_000;
        await vi.advanceTimersByTimeAsync(60_000);
        await vi.waitFor(async () => expect(await leaseUntil()).toBeGreaterThan(nowMs / 1000));
        seen.push((await leaseUntil()) - nowMs / 1000);
      }
    });

    expect(seen.every((ahead) => ahead > 0 && ahead <= LEASE_SECONDS)).toBe(true);
  });
});
