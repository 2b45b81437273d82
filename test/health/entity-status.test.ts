import { describe, expect, it } from 'vitest';
import { healthChangeReply } from '../../blocks/health-change';
import { healthEventMessage } from '../../blocks/health-message';
import { changesSince, changesWorthAReply, snapshotOf } from '../../src/health/event-changes';
import { type HealthEventView, mergeDelivery } from '../../src/health/event-view';
import { toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { healthFixture } from '../support/health-harness';

const delivery = (name: string, patch: (detail: Record<string, unknown>) => void = () => undefined) => {
  const event = structuredClone(healthFixture(name));
  patch(event.detail as Record<string, unknown>);
  return toDelivery(healthEventSchema.parse(event));
};
const merge = (view: HealthEventView | undefined, d: ReturnType<typeof delivery>) =>
  mergeDelivery(view, { delivery: d, accountName: 'prod-payments', channels: ['C1'] });
const message = (view: HealthEventView) =>
  healthEventMessage({
    view,
    dashboardUrl: 'https://health.example/x',
    missingPages: { count: 0, ranges: [] },
  });
const entitiesText = (view: HealthEventView) =>
  JSON.stringify(message(view).blocks.find((b) => JSON.stringify(b).includes('Affected resources')));

describe('affected resources with their status', () => {
  it('keeps the status Health delivered for each entity, the newest winning', () => {
    const open = merge(undefined, delivery('ec2-issue-open'));
    expect(open.accounts['222222222222']?.statuses).toEqual({
      'i-0a1b2c3d4e5f60001': 'impaired',
      'i-0a1b2c3d4e5f60002': 'impaired',
      'i-0a1b2c3d4e5f60003': 'impaired',
    });
    const closed = merge(open, delivery('ec2-issue-closed'));
    expect(closed.accounts['222222222222']?.statuses?.['i-0a1b2c3d4e5f60001']).toBe('resolved');
    // The open delivery arriving late does not turn resolved resources back into impaired ones.
    const late = merge(closed, delivery('ec2-issue-open'));
    expect(late.accounts['222222222222']?.statuses?.['i-0a1b2c3d4e5f60001']).toBe('resolved');
  });

  it('lists unresolved resources first and only counts the resolved ones', () => {
    const view = merge(
      undefined,
      delivery('ec2-issue-open', (detail) => {
        detail.affectedEntities = [
          { entityValue: 'i-resolved-1', status: 'RESOLVED' },
          { entityValue: 'i-fine', status: 'UNIMPAIRED' },
          { entityValue: 'i-broken', status: 'IMPAIRED' },
          { entityValue: 'i-resolved-2', status: 'RESOLVED' },
          { entityValue: 'i-waiting', status: 'PENDING' },
        ];
      }),
    );

    const text = entitiesText(view);

    expect(text).toContain(
      '*Affected resources (5)*\\n• `i-broken` _impaired_\\n• `i-waiting` _pending_\\n• `i-fine` _unimpaired_\\n…and 2 resolved',
    );
    expect(text).not.toContain('i-resolved-1');
  });

  it('says how many resources recovered in the thread reply, and edits the list in place', () => {
    const before = merge(undefined, delivery('ec2-issue-open'));
    const after = merge(
      before,
      delivery('ec2-issue-open', (detail) => {
        detail.lastUpdatedTime = 'Tue, 14 May 2024 09:30:00 GMT';
        detail.affectedEntities = [
          { entityValue: 'i-0a1b2c3d4e5f60001', status: 'RESOLVED' },
          { entityValue: 'i-0a1b2c3d4e5f60002', status: 'UNIMPAIRED' },
          { entityValue: 'i-0a1b2c3d4e5f60003', status: 'RESOLVED' },
        ];
      }),
    );
    const snapshot = snapshotOf(before);

    const changes = changesWorthAReply(snapshot, after, changesSince(snapshot, after));

    expect(changes).toEqual([{ kind: 'recovered', count: 3 }]);
    expect(JSON.stringify(healthChangeReply({ category: 'issue', changes }))).toContain(
      '3 resources recovered',
    );
    expect(entitiesText(after)).toContain('…and 2 resolved');
    expect(JSON.stringify(message(after))).not.toBe(JSON.stringify(message(before)));
  });

  it('shows entities without a status as before', () => {
    const view = merge(undefined, delivery('cloudformation-notification-ap-northeast-2'));

    expect(entitiesText(view)).toContain('*Affected resources (1)*\\n• `222222222222`"');
  });
});
