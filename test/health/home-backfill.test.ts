import { describe, expect, it } from 'vitest';
import { toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { saveMute } from '../../src/health/health-mutes';
import { mergeIntoState, messageKey } from '../../src/health/health-state';
import { backfillHealthHome } from '../../src/health/home-backfill';
import { trackOpenEvent } from '../../src/health/open-events';
import { readHomeItems } from '../../src/store/home-items';
import type { StateStore } from '../../src/store/state-store';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';

describe('backfillHealthHome', () => {
  let store: StateStore;
  useLocalStateStore('home-backfill-test', (local) => {
    store = local;
  });
  const now = new Date('2024-05-14T10:00:00Z');

  it('fills the Home once from the events and mutes the bot knew before the Home existed', async () => {
    // Prepare: an open event posted in a channel, and an active Slack mute — but no Home item yet.
    const delivery = toDelivery(healthEventSchema.parse(healthFixture('ec2-issue-open')));
    const merged = await mergeIntoState(store, {
      delivery,
      accountName: 'prod-payments',
      channels: ['C0ONCALL01'],
    });
    await trackOpenEvent(store, merged.view);
    const message = messageKey(delivery.eventArn, 'C0ONCALL01');
    await store.create(message.pk, message.sk, {
      channelId: 'C0ONCALL01',
      ts: '1715678000.000100',
      renderedVersion: 1,
    });
    await saveMute(
      store,
      {
        id: 'mute-backfill-1',
        scope: { kind: 'eventType', eventTypeCode: 'AWS_VPN_REDUNDANCY_LOSS', accountId: '222222222222' },
        accountName: 'prod-payments',
        until: '2024-05-21T10:00:00Z',
        by: 'U0ONCALL1',
        at: '2024-05-14T09:00:00Z',
        eventArn: delivery.eventArn,
        alert: { channelId: 'C0ONCALL01', ts: '1715678000.000100' },
      },
      now,
    );
    expect((await readHomeItems(store)).items).toEqual([]);

    // Act
    const first = await backfillHealthHome(store, now, Date.now() + 60_000);
    const again = await backfillHealthHome(store, now, Date.now() + 60_000);

    // Assess: the account's open event with its alert link, and the mute; a second run does nothing.
    expect(first).toEqual({ events: 1, accounts: 1, mutes: 1, left: 0 });
    expect(again).toBeUndefined();
    const items = (await readHomeItems(store)).items;
    expect(items.find((item) => item.kind === 'health')).toMatchObject({
      account: { id: '222222222222', name: 'prod-payments' },
      fields: {
        eventArn: delivery.eventArn,
        status: 'open',
        alert: { channelId: 'C0ONCALL01', ts: '1715678000.000100' },
      },
    });
    expect(items.find((item) => item.kind === 'mute')).toMatchObject({
      fields: { muteId: 'mute-backfill-1' },
    });
  });
});
