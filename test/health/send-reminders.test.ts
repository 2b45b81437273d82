import { beforeEach, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../blocks/message';
import { saveMute } from '../../src/health/health-mutes';
import { messageKey } from '../../src/health/health-state';
import type { OpenEvent } from '../../src/health/open-events';
import { type RemindersDeps, sendReminders } from '../../src/health/send-reminders';
import type { SlackSink } from '../../src/slack/api/slack-sink';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-01T12:00:00Z');
let n = 0;

/** A scheduled change starting in 20 hours for these accounts, with its alert posted in C0MAINT001. */
async function upcomingChange(store: StateStore, accounts: string[]): Promise<OpenEvent> {
  n += 1;
  const event: OpenEvent = {
    eventArn: `arn:aws:health:eu-west-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/reminder-test-${n}`,
    service: 'RDS',
    eventTypeCode: 'AWS_RDS_MAINTENANCE_SCHEDULED',
    category: 'scheduledChange',
    status: 'upcoming',
    region: 'eu-west-1',
    startTime: new Date(NOW.getTime() + 20 * HOUR).toISOString(),
    lastUpdatedTime: NOW.toISOString(),
    organizationView: true,
    accounts: accounts.map((id) => ({ id })),
    accountCount: accounts.length,
  };
  await store.create('health#open', event.eventArn, event);
  const { pk, sk } = messageKey(event.eventArn, 'C0MAINT001');
  await store.create(pk, sk, { channelId: 'C0MAINT001', ts: `17000000${n}.000100`, renderedVersion: 1 });
  return event;
}

describe('sendReminders', () => {
  let store: StateStore;
  useLocalStateStore('health-send-reminders-test', (s) => {
    store = s;
  });
  let posts: { channel: string; message: SlackMessage }[];
  let failNext: boolean;
  const sink = {
    post: async (channel: string, message: SlackMessage) => {
      if (failNext) {
        failNext = false;
        throw new Error('Slack answered 500');
      }
      posts.push({ channel, message });
      return { channel, ts: '1.2' };
    },
  } as unknown as SlackSink;
  const deps = (): RemindersDeps => ({
    store,
    sink,
    // Each account's route has its own mention (one team per account).
    router: { mentionsFor: (subject) => [`S0TEAM${subject.accountId.slice(0, 3)}`] },
    offsets: ['7d', '1d', '1h'],
    now: NOW,
  });
  beforeEach(() => {
    posts = [];
    failNext = false;
    // Only the events of this test are open.
    return store
      .query('health#open')
      .then((rows) => Promise.all(rows.map((r) => store.remove('health#open', r.sk, r.version))));
  });

  it('mentions the route of every account of the event, not only the first', async () => {
    await upcomingChange(store, ['111111111111', '222222222222']);
    await sendReminders(deps());
    const text = JSON.stringify(posts.map((p) => p.message.blocks));
    expect(text).toContain('<!subteam^S0TEAM111>');
    expect(text).toContain('<!subteam^S0TEAM222>');
  });

  it('sends the reminder on the next run when Slack failed the first time (the claim is given back)', async () => {
    await upcomingChange(store, ['111111111111']);
    failNext = true;
    await expect(sendReminders(deps())).rejects.toThrow('Slack answered 500');
    expect(posts).toEqual([]);
    expect(await sendReminders(deps())).toEqual({ sent: 1, alreadySent: 0 });
    expect(posts).toHaveLength(1);
  });
  it('reminds the subscriber in their DM too, and a DM that fails holds up no channel', async () => {
    const event = await upcomingChange(store, ['111111111111']);
    const dm = messageKey(event.eventArn, 'dm:U0GONE0001');
    await store.create(dm.pk, dm.sk, {
      channelId: 'D0GONE0001',
      ts: '1700000000.000200',
      renderedVersion: 1,
    });
    const dmFails = {
      post: async (channel: string, message: SlackMessage) => {
        if (channel === 'D0GONE0001') throw new Error('An API error occurred: channel_not_found');
        posts.push({ channel, message });
        return { channel, ts: '1.2' };
      },
    } as unknown as SlackSink;

    const first = await sendReminders({ ...deps(), sink: dmFails });
    const again = await sendReminders({ ...deps(), sink: dmFails });

    expect(first.sent).toBe(1);
    expect(posts.map((p) => p.channel)).toEqual(['C0MAINT001']);
    expect(again).toEqual({ sent: 0, alreadySent: 2 }); // the DM was tried once, not on every run
  });

  it('sends no reminder for a scheduled change muted from Slack', async () => {
    const event = await upcomingChange(store, ['333333333333']);
    await saveMute(
      store,
      {
        id: 'mute-reminder-test',
        scope: { kind: 'service', service: 'RDS', accountId: '333333333333' },
        until: new Date(NOW.getTime() + 7 * 24 * HOUR).toISOString(),
        by: 'U0ONCALL1',
        at: NOW.toISOString(),
        eventArn: event.eventArn,
        alert: { channelId: 'C0MAINT001', ts: '1700000000.000100' },
      },
      NOW,
    );

    expect(await sendReminders(deps())).toEqual({ sent: 0, alreadySent: 0 });
    expect(posts).toEqual([]);
  });
});
