import { describe, expect, it } from 'vitest';
import { saveMute } from '../../src/health/health-mutes';
import type { RouteDecision } from '../../src/health/health-router';
import { routeWithMutes } from '../../src/health/route-with-mutes';
import { routeWithSubscribers } from '../../src/health/route-with-subscribers';
import type { StateStore } from '../../src/store/state-store';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { useLocalStateStore } from '../support/local-state-store';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const delivery = (over: Record<string, string> = {}) =>
  ({
    eventArn: 'arn:aws:health:us-east-1::event/EC2/X/1',
    service: 'EC2',
    category: 'issue',
    eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
    accountId: '222222222222',
    ...over,
  }) as never;

describe('routing with subscribers, then mutes', () => {
  let store: StateStore;
  useLocalStateStore('route-subscribers-test', (s) => {
    store = s;
  });

  it('adds matching subscribers whatever the channels, and none when a config mute or a Slack mute covers it', async () => {
    const subscriptions = new SubscriptionStore(store, { cacheMs: 0, now: () => NOW });
    await subscriptions.add('U0ADA00001', { kind: 'account', accountId: '222222222222' }, 'command');
    await subscriptions.add('U0BOB00001', { kind: 'eventType', pattern: 'AWS_RDS_*' }, 'command');
    const noRoute = (): RouteDecision => ({
      channels: [],
      reason: 'no route matched and no default channel',
    });
    const configMuted = (): RouteDecision => ({
      channels: [],
      reason: 'muted by health.mute[0]',
      muted: true,
    });
    const route = (base: () => RouteDecision) =>
      routeWithMutes(routeWithSubscribers(base, subscriptions), store, () => NOW);

    expect((await route(noRoute)(delivery())).subscribers).toEqual(['U0ADA00001']);
    expect((await route(noRoute)(delivery({ accountId: '333333333333' }))).subscribers).toBeUndefined();
    expect((await route(configMuted)(delivery())).subscribers).toBeUndefined();

    await saveMute(
      store,
      {
        id: 'mute-ec2',
        scope: { kind: 'service', service: 'EC2' },
        until: '2026-12-02T10:00:00.000Z',
        by: 'U0ONCALL1',
        at: NOW.toISOString(),
        eventArn: 'arn:aws:health:us-east-1::event/EC2/X/0',
        alert: { channelId: 'C0PRODOPS1', ts: '1.1' },
      },
      NOW,
    );
    const slackMuted = await route(noRoute)(delivery());
    expect(slackMuted).toMatchObject({ channels: [], muted: true });
    expect(slackMuted.subscribers).toBeUndefined();
  });

  it('keeps the channel alert when the subscriptions cannot be read', async () => {
    const broken = { subscribersFor: async () => Promise.reject(new Error('throttled')) };
    const route = routeWithSubscribers(() => ({ channels: ['C0PRODOPS1'], reason: 'routes[0]' }), broken);

    expect(await route(delivery())).toEqual({ channels: ['C0PRODOPS1'], reason: 'routes[0]' });
  });
});
