import { describe, expect, it } from 'vitest';
import { progressUpdates } from '../../src/cases/progress-updates';

describe('progressUpdates', () => {
  it('stays quiet on short runs', async () => {
    const sent: string[] = [];
    const progress = progressUpdates(async (text) => void sent.push(text), {
      intervalMs: 8000,
      maxUpdates: 2,
      now: () => 0,
    });

    for (let done = 1; done <= 10; done += 1) progress.listener({ done, total: 10, failed: 0 });
    await progress.settled();

    expect(sent).toEqual([]);
  });

  it('sends at most maxUpdates lines on long runs, in order, never the last account', async () => {
    let clock = 0;
    const sent: string[] = [];
    const progress = progressUpdates(async (text) => void sent.push(text), {
      intervalMs: 1000,
      maxUpdates: 2,
      now: () => clock,
    });

    for (let done = 1; done <= 200; done += 1) {
      clock += 100;
      progress.listener({ done, total: 200, failed: done > 50 ? 3 : 0 });
    }
    await progress.settled();

    expect(sent).toEqual([
      'Collected support cases from 10 of 200 accounts…',
      'Collected support cases from 20 of 200 accounts…',
    ]);
  });
});
