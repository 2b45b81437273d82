import { describe, expect, it } from 'vitest';
import { mergeDelivery } from '../../src/health/event-view';
import { toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { listOpenEvents, trackOpenEvent } from '../../src/health/open-events';
import type { StateStore } from '../../src/store/state-store';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';

const viewOf = (name: string) =>
  mergeDelivery(undefined, {
    delivery: toDelivery(healthEventSchema.parse(healthFixture(name))),
    accountName: 'prod-payments',
    channels: ['C1'],
  });

describe('the list of open events', () => {
  let store: StateStore;
  useLocalStateStore('health-open-events-test', (s) => {
    store = s;
  });

  it('lists an event while open, keeps the newest version, and drops it once closed', async () => {
    await trackOpenEvent(store, viewOf('ec2-issue-update'));
    await trackOpenEvent(store, viewOf('ec2-issue-open'));
    expect((await listOpenEvents(store)).map((e) => [e.eventTypeCode, e.lastUpdatedTime])).toEqual([
      ['AWS_EC2_OPERATIONAL_ISSUE', viewOf('ec2-issue-update').lastUpdatedTime],
    ]);

    await trackOpenEvent(store, viewOf('ec2-issue-closed'));

    expect(await listOpenEvents(store)).toEqual([]);
  });
});
