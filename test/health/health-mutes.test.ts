import { describe, expect, it } from 'vitest';
import { type StoredMute, saveMute } from '../../src/health/health-mutes';
import { muteUntil } from '../../src/health/mute-modal-state';
import { scopeChoices } from '../../src/health/mute-scope';
import { routeWithMutes } from '../../src/health/route-with-mutes';
import { toggleWatcher } from '../../src/health/run-watch-job';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const delivery = (over: Partial<{ service: string; eventTypeCode: string; accountId: string }> = {}) =>
  ({ service: 'VPN', eventTypeCode: 'AWS_VPN_REDUNDANCY_LOSS', accountId: '222222222222', ...over }) as never;
const routed = () => ({ channels: ['C0PRODOPS1'], reason: 'routes[0]' });

describe('mutes set from Slack', () => {
  let store: StateStore;
  useLocalStateStore('health-mutes-test', (s) => {
    store = s;
  });

  it('silence their scope only, and end by themselves', async () => {
    const mute: StoredMute = {
      id: 'mute-1',
      scope: { kind: 'eventType', eventTypeCode: 'AWS_VPN_REDUNDANCY_LOSS', accountId: '222222222222' },
      until: '2026-12-08T10:00:00.000Z',
      by: 'U0ONCALL1',
      at: NOW.toISOString(),
      eventArn: 'arn:aws:health:us-east-1::event/VPN/x/y',
      alert: { channelId: 'C0PRODOPS1', ts: '1.1' },
    };
    await saveMute(store, mute, NOW);
    const during = routeWithMutes(routed, store, () => NOW);
    const after = routeWithMutes(routed, store, () => new Date('2026-12-08T10:00:01.000Z'));

    expect((await during(delivery())).channels).toEqual([]);
    expect((await during(delivery())).reason).toContain('muted from Slack by U0ONCALL1');
    expect((await during(delivery({ accountId: '333333333333' }))).channels).toEqual(['C0PRODOPS1']);
    expect((await during(delivery({ eventTypeCode: 'AWS_VPN_TUNNEL_DOWN' }))).channels).toEqual([
      'C0PRODOPS1',
    ]);
    expect((await after(delivery())).channels).toEqual(['C0PRODOPS1']);
  });
});

describe('the Mute modal’s choices', () => {
  it('offers the event type and the service, everywhere and in each account the alert shows', () => {
    const labels = scopeChoices({ service: 'VPN', eventTypeCode: 'AWS_VPN_REDUNDANCY_LOSS' }, [
      { id: '222222222222', name: 'prod-payments' },
    ]).map((c) => c.label);

    expect(labels).toEqual([
      'AWS_VPN_REDUNDANCY_LOSS in every account',
      'AWS_VPN_REDUNDANCY_LOSS in prod-payments',
      'every VPN event in prod-payments',
      'every VPN event in every account',
    ]);
  });

  it('turns the duration into an end: days from now, or the end of a future date', () => {
    expect(muteUntil('7', undefined, NOW)).toEqual({ ok: true, until: '2026-12-08T10:00:00.000Z' });
    expect(muteUntil('date', '2026-12-24', NOW)).toEqual({ ok: true, until: '2026-12-24T23:59:59.000Z' });
    expect(muteUntil('date', '2026-11-30', NOW)).toMatchObject({ ok: false });
    expect(muteUntil('date', undefined, NOW)).toMatchObject({ ok: false });
    expect(muteUntil('365000', undefined, NOW)).toMatchObject({ ok: false });
  });
});

describe('I’m on it', () => {
  it('adds a person once, takes them off on a second click, and remembers who ever clicked', () => {
    const on = toggleWatcher({ renderedVersion: 1 }, 'U0ADA00001');
    const off = toggleWatcher(on, 'U0ADA00001');

    expect(on.watchers).toEqual(['U0ADA00001']);
    expect(off.watchers).toEqual([]);
    expect(off.everWatched).toEqual(['U0ADA00001']);
  });
});
