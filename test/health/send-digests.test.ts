import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../blocks/message';
import { type DigestLine, queuedLines } from '../../src/health/digest-queue';
import { sendDigests } from '../../src/health/send-digests';
import type { SlackSink } from '../../src/slack/api/slack-sink';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const CHANNEL = 'C0DIGEST01';
const QUEUED_AT = new Date('2026-03-01T10:10:00Z');
const HOUR = 3_600_000;

const line = (n: number): DigestLine => ({
  eventArn: `arn:aws:health:us-east-1::event/CLOUDFORMATION/AWS_CLOUDFORMATION_NOTICE/digest-${n}`,
  accountId: '111111111111',
  service: 'CLOUDFORMATION',
  eventTypeCode: 'AWS_CLOUDFORMATION_NOTICE',
  category: 'accountNotification',
  status: 'open',
  region: 'us-east-1',
  lastUpdatedTime: new Date(QUEUED_AT.getTime() + n * 1000).toISOString(),
  organizationView: true,
  queuedAt: QUEUED_AT.toISOString(),
});

describe('sendDigests with more events than one message shows', () => {
  let store: StateStore;
  useLocalStateStore('health-send-digests-test', (s) => {
    store = s;
  });

  it('keeps the lines it could not show queued, and sends them in the next digest: none is lost', async () => {
    for (let n = 0; n < 50; n += 1) await store.create(`health#digest#${CHANNEL}`, `line-${n}`, line(n));
    const posts: SlackMessage[] = [];
    const sink = {
      post: async (channel: string, message: SlackMessage) => {
        posts.push(message);
        return { channel, ts: `170000000${posts.length}.000100` };
      },
    } as unknown as SlackSink;
    const run = (at: Date) =>
      sendDigests({
        store,
        sink,
        routes: [{ name: 'notices', channels: [CHANNEL], digest: 'hourly' }] as never,
        partition: 'aws',
        now: at,
      });
    const arnsIn = (message: SlackMessage | undefined) =>
      JSON.stringify(message?.blocks).match(/digest-\d+/g)?.length ?? 0;

    expect(await run(new Date(QUEUED_AT.getTime() + HOUR))).toMatchObject({ posted: 1 });
    const first = arnsIn(posts[0]);
    expect(first).toBeLessThan(50);
    expect(JSON.stringify(posts[0]?.blocks)).toContain(`…and ${50 - first} more in the next digest`);
    expect(await queuedLines(store, CHANNEL)).toHaveLength(50 - first);

    expect(await run(new Date(QUEUED_AT.getTime() + 2 * HOUR))).toMatchObject({ posted: 1 });
    expect(arnsIn(posts[1])).toBe(50 - first);
    expect(await queuedLines(store, CHANNEL)).toEqual([]);
  });
});
