import { describe, expect, it } from 'vitest';
import type { ApiEvent, HealthApi } from '../../src/health/health-api';
import { HealthReconcileError, type ReconcileDeps, reconcileHealth } from '../../src/health/reconcile';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const NOW = new Date('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;

function event(id: string, updatedHoursAgo: number): ApiEvent {
  return {
    arn: `arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/${id}`,
    service: 'EC2',
    eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
    eventTypeCategory: 'issue',
    eventScopeCode: 'ACCOUNT_SPECIFIC',
    region: 'eu-west-1',
    startTime: new Date(NOW.getTime() - (updatedHoursAgo + 1) * HOUR).toISOString(),
    endTime: undefined,
    lastUpdatedTime: new Date(NOW.getTime() - updatedHoursAgo * HOUR).toISOString(),
    statusCode: 'open',
  };
}

/** The Health API with a recent event and an open one older than the lookback (only the first run finds it). */
const api: HealthApi = {
  async *events(filter) {
    const all = [event('recent', 1), event('old-open', 48)];
    for (const e of all) {
      if (filter.from ? Date.parse(e.lastUpdatedTime) >= filter.from.getTime() : true) yield e;
    }
  },
  accounts: async () => ['222222222222'],
  description: async () => 'Increased error rates.',
  entities: async () => [],
};

describe('reconcileHealth, first run', () => {
  let store: StateStore;
  useLocalStateStore('health-reconcile-unit-test', (s) => {
    store = s;
  });

  it('tries the first run again when an open event could not be delivered, so it is not lost', async () => {
    const delivered: string[] = [];
    let failOldOnce = true;
    const deps = (): ReconcileDeps => ({
      api,
      store,
      deliver: async (e) => {
        const arn = String((e as { detail: { eventArn: string } }).detail.eventArn);
        if (arn.endsWith('old-open') && failOldOnce) {
          failOldOnce = false;
          throw new Error('state table throttled');
        }
        delivered.push(arn);
      },
      ownAccount: async () => '111111111111',
      config: { view: 'organization', lookbackHours: 6, firstRunOpenEvents: true },
      now: NOW,
    });

    await expect(reconcileHealth(deps())).rejects.toBeInstanceOf(HealthReconcileError);
    expect(delivered.map((arn) => arn.split('/').pop())).toEqual(['recent']);

    const second = await reconcileHealth(deps());
    expect(second.firstRun).toBe(true);
    expect(delivered.map((arn) => arn.split('/').pop())).toContain('old-open');

    expect((await reconcileHealth(deps())).firstRun).toBe(false);
  });
});
