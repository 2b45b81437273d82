import { describe, expect, it } from 'vitest';
import { CASES_CONFIG_DEFAULTS } from '../../src/cases/config-schema';
import { fanOutWithRetries, fullJitterBackoff, type RetryPolicy } from '../../src/cases/fan-out-with-retries';
import { casesFaultPlan, casesScaleFaultPlan } from '../support/cases-faults';
import { virtualTimers } from '../support/virtual-clock';

class ThrottlingException extends Error {
  override readonly name = 'ThrottlingException';
}
class AccessDenied extends Error {
  override readonly name = 'AccessDenied';
}

const CALL_MS = 100;

/** Items whose attempts take CALL_MS each (virtual time); `throttled[item]` attempts fail with throttling first. */
function simulation(options: {
  concurrency: number;
  backoffMs: RetryPolicy['backoffMs'];
  maxAttempts?: number;
}) {
  const clock = virtualTimers();
  const starts: string[] = [];
  let busy = 0;
  let maxBusy = 0;
  const busyWhileWaiting: number[] = [];
  const policy: RetryPolicy = {
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts ?? 5,
    isRetryable: (error) => error instanceof ThrottlingException,
    backoffMs: options.backoffMs,
    sleep: async (ms) => {
      await clock.sleep(1);
      busyWhileWaiting.push(busy);
      await clock.sleep(ms - 1);
    },
  };
  const run = (items: string[], throttled: Record<string, number>, denied: string[] = []) =>
    clock.run(
      fanOutWithRetries(items, policy, async (item, n) => {
        starts.push(`${item}${n}@${clock.now()}`);
        busy += 1;
        maxBusy = Math.max(maxBusy, busy);
        await clock.sleep(CALL_MS);
        busy -= 1;
        if (denied.includes(item)) throw new AccessDenied(`${item} denied`);
        if (n <= (throttled[item] ?? 0)) throw new ThrottlingException('Rate exceeded');
        return item.toUpperCase();
      }),
    );
  return { run, starts, clock, maxBusy: () => maxBusy, busyWhileWaiting };
}

describe('fanOutWithRetries', () => {
  it('gives the slot of a throttled item to the next items while it waits its back-off', async () => {
    const sim = simulation({ concurrency: 2, backoffMs: () => 250 });

    const outcomes = await sim.run(['a', 'b', 'c', 'd', 'e', 'f'], { a: 2 });

    expect(sim.starts).toEqual(['a1@0', 'b1@0', 'c1@100', 'd1@100', 'e1@200', 'f1@200', 'a2@350', 'a3@700']);
    expect(sim.busyWhileWaiting).toEqual([2, 0]);
    expect(sim.maxBusy()).toBe(2);
    expect(outcomes[0]).toEqual({ ok: true, value: 'A' });
  });

  it('queues a retry ahead of the items not started yet', async () => {
    const sim = simulation({ concurrency: 1, backoffMs: () => 50 });

    await sim.run(['a', 'b', 'c', 'd'], { a: 1 });

    expect(sim.starts).toEqual(['a1@0', 'b1@100', 'a2@200', 'c1@300', 'd1@400']);
  });

  it('ends an item still throttled after maxAttempts, and does not retry an error that is not throttling', async () => {
    const sim = simulation({ concurrency: 2, backoffMs: () => 10, maxAttempts: 3 });

    const outcomes = await sim.run(['a', 'b', 'c'], { a: 99 }, ['b']);

    expect(outcomes.map((o) => (o.ok ? o.value : `${(o.error as Error).name} after ${o.attempts}`))).toEqual([
      'ThrottlingException after 3',
      'AccessDenied after 1',
      'C',
    ]);
    expect(sim.starts.filter((s) => s.startsWith('b'))).toEqual(['b1@0']);
  });

  it('keeps 206 accounts (24 throttled twice, 21 denied) within 1.5 × the concurrency floor, even at the longest back-offs', async () => {
    const clock = virtualTimers();
    const accounts = Array.from({ length: 206 }, (_, i) => i);
    const plan = casesFaultPlan(206);
    const throttled = new Set(plan.throttled);
    const denied = new Set(plan.denied);
    const policy: RetryPolicy = {
      concurrency: 20,
      maxAttempts: 5,
      isRetryable: (error) => error instanceof ThrottlingException,
      backoffMs: fullJitterBackoff({ baseMs: 100, maxMs: 2000 }, () => 1),
      sleep: clock.sleep,
    };

    await clock.run(
      fanOutWithRetries(accounts, policy, async (account, n) => {
        if (n === 1) await clock.sleep(CALL_MS); // AssumeRole, once: credentials are cached for the retries
        if (n === 1 && denied.has(account)) throw new AccessDenied('denied');
        await clock.sleep(CALL_MS); // DescribeCases
        if (throttled.has(account) && n <= 2) throw new ThrottlingException('Rate exceeded');
      }),
    );

    const floor = Math.ceil(206 / 20) * 2 * CALL_MS;
    expect(clock.now()).toBeLessThanOrEqual(1.5 * floor);
    expect(clock.now() * 15).toBeLessThanOrEqual(206 * 2 * CALL_MS);
  });

  it('keeps 1,000 accounts (10 % throttled twice, 5 % denied) within 1.3 × the floor at the default concurrency, even at the longest back-offs', async () => {
    const clock = virtualTimers();
    const concurrency = CASES_CONFIG_DEFAULTS.concurrency;
    const plan = casesScaleFaultPlan(1000);
    const throttled = new Set(plan.throttled);
    const denied = new Set(plan.denied);
    const policy: RetryPolicy = {
      concurrency,
      maxAttempts: CASES_CONFIG_DEFAULTS.maxAttempts,
      isRetryable: (error) => error instanceof ThrottlingException,
      backoffMs: fullJitterBackoff({ baseMs: 100, maxMs: 2000 }, () => 1),
      sleep: clock.sleep,
    };

    const outcomes = await clock.run(
      fanOutWithRetries(
        Array.from({ length: 1000 }, (_, i) => i),
        policy,
        async (account, n) => {
          if (n === 1) await clock.sleep(CALL_MS); // AssumeRole, once: credentials are cached for the retries
          if (n === 1 && denied.has(account)) throw new AccessDenied('denied');
          await clock.sleep(CALL_MS); // DescribeCases
          if (throttled.has(account) && n <= 2) throw new ThrottlingException('Rate exceeded');
        },
      ),
    );

    expect(plan.throttled).toHaveLength(100);
    expect(plan.denied).toHaveLength(50);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(50);
    const floor = Math.ceil(1000 / concurrency) * 2 * CALL_MS;
    expect(clock.now()).toBeLessThanOrEqual(1.3 * floor);
  });
});
