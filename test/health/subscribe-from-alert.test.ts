import { describe, expect, it } from 'vitest';
import type { HealthEventView } from '../../src/health/event-view';
import { eventKey } from '../../src/health/health-state';
import { subscribeFromAlert } from '../../src/health/subscribe-from-alert';
import type { StateStore } from '../../src/store/state-store';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { BOT_CONFIG } from '../support/listener-fakes';
import { useLocalStateStore } from '../support/local-state-store';

const EVENT_ARN = 'arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/subscribe-test';
const account = (channels: string[]) => ({
  name: undefined,
  entities: [],
  channels,
  lastUpdatedTime: '2024-05-14T09:00:00Z',
});

describe('subscribeFromAlert', () => {
  let store: StateStore;
  useLocalStateStore('subscribe-from-alert-test', (s) => {
    store = s;
  });
  const deps = () => ({
    subscriptions: new SubscriptionStore(store),
    store,
    accounts: { configured: BOT_CONFIG.accounts },
    maySubscribe: async () => true,
  });
  const alert = { eventArn: EVENT_ARN, channel: 'C0PRODOPS1' };

  it('subscribes to an account the alert shows (picked from its menu), and refuses one it does not', async () => {
    const view = {
      eventArn: EVENT_ARN,
      service: 'EC2',
      accounts: {
        '222222222222': account(['C0PRODOPS1']),
        '333333333333': account(['C0PRODOPS1']),
        '111111111111': account(['C0OTHER001']),
      },
    } as unknown as HealthEventView;
    await store.create(eventKey(EVENT_ARN).pk, eventKey(EVENT_ARN).sk, view);
    const click = (accountId?: string) =>
      subscribeFromAlert(deps(), {
        userId: 'U0ADA00001',
        alert,
        what: 'account',
        ...(accountId ? { accountId } : {}),
      });

    const picked = await click('333333333333');
    const otherChannel = await click('111111111111');
    const unpicked = await click();
    const service = await subscribeFromAlert(deps(), { userId: 'U0ADA00001', alert, what: 'service' });

    expect(picked.text).toContain('Subscribed: everything in staging');
    expect(otherChannel.text).toContain('not on this alert');
    expect(unpicked.text).toContain('not on this alert'); // several accounts: the menu must name one
    expect(service.text).toContain('Subscribed: every EC2 event in every account');
    expect((await new SubscriptionStore(store).listForUser('U0ADA00001')).map((s) => s.target.kind)).toEqual([
      'account',
      'service',
    ]);
  });

  it('refuses a click that is not on an alert the bot posted', async () => {
    const reply = await subscribeFromAlert(deps(), {
      userId: 'U0LI000001',
      alert: undefined,
      what: 'service',
    });

    expect(reply.text).toContain('only works on a Health alert');
  });
});
