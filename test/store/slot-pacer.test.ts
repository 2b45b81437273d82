import { describe, expect, it } from 'vitest';
import { PacerDeadlineError, SlotPacer } from '../../src/store/slot-pacer';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';
import { virtualClock } from '../support/virtual-clock';

describe('SlotPacer', () => {
  let store: StateStore;
  useLocalStateStore('pacer-test', (local) => {
    store = local;
  });

  it('spaces a burst of concurrent senders at least one interval apart', async () => {
    const clock = virtualClock(1_000_000_000_500);
    const sendTimes: number[] = [];
    const senders = Array.from({ length: 12 }, () => new SlotPacer(store, clock));

    await Promise.all(
      senders.map(async (pacer) => {
        await pacer.acquire('burst', 1000);
        sendTimes.push(clock.now());
      }),
    );

    const sorted = sendTimes.sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] as number));
    expect(sorted).toHaveLength(12);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });

  it('sends at once when the peer was quiet', async () => {
    const clock = virtualClock(2_000_000_000_250);
    await new SlotPacer(store, clock).acquire('quiet', 1000);
    expect(clock.now()).toBe(2_000_000_000_250);
  });

  it('waits out a 429 block for every sender', async () => {
    const clock = virtualClock(3_000_000_000_000);
    const pacer = new SlotPacer(store, clock);
    await pacer.block('blocked', 3_000_000_030_000);

    await pacer.acquire('blocked', 1000);

    expect(clock.now()).toBeGreaterThanOrEqual(3_000_000_030_000);
  });

  it('refuses to wait past the deadline', async () => {
    const clock = virtualClock(4_000_000_000_000);
    const pacer = new SlotPacer(store, clock);
    await pacer.block('late', 4_000_000_060_000);

    await expect(pacer.acquire('late', 1000, 4_000_000_010_000)).rejects.toBeInstanceOf(PacerDeadlineError);
  });
});
