import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SupportClient } from '@aws-sdk/client-support';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleSupportCaseEvent, type SupportCaseEventDeps } from '../../src/cases/handle-support-case-event';
import { type SupportCaseEvent, supportCaseEventSchema } from '../../src/cases/support-case-event';
import type { SlackSink } from '../../src/slack/api/slack-sink';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const fixture = (name: string) =>
  supportCaseEventSchema.parse(
    JSON.parse(readFileSync(resolve(`test/fixtures/cases/${name}.json`), 'utf8')),
  ) as SupportCaseEvent;

/** A Slack sink that records what it posts and edits; each post waits a tick, as a real call would. */
function recordingSink() {
  const posts: { channel: string; threadTs?: string }[] = [];
  const updates: string[] = [];
  const sink = {
    async post(channel: string, _message: unknown, options?: { threadTs?: string }) {
      await new Promise((done) => setTimeout(done, 20));
      posts.push({ channel, ...(options?.threadTs ? { threadTs: options.threadTs } : {}) });
      return { channel, ts: `1700000000.00000${posts.length}` };
    },
    async update(ref: { ts: string }) {
      updates.push(ref.ts);
    },
  } as unknown as SlackSink;
  return { sink, posts, updates };
}

describe('handleSupportCaseEvent under concurrent deliveries', () => {
  let store: StateStore;
  useLocalStateStore('aws-chatops-case-event-race', (local) => {
    store = local;
  });
  let recorded: ReturnType<typeof recordingSink>;
  let deps: SupportCaseEventDeps;
  beforeEach(() => {
    recorded = recordingSink();
    const support = {
      send: async () => ({
        cases: [{ caseId: 'x', subject: 'Payments DB', severityCode: 'urgent', status: 'opened' }],
        communications: [{ body: 'looking', submittedBy: 'AWS' }],
      }),
    } as unknown as SupportClient;
    deps = {
      store,
      sink: recorded.sink,
      accounts: { roleFor: () => 'GetSupportInfoRole', nameOf: async () => 'prod-payments' },
      clients: { support: () => support },
      route: () => ['C0PAYMENTS'],
      partition: 'aws',
    };
  });

  it('posts the case message once when two events for one case arrive together; the loser retries and edits', async () => {
    const created = { ...fixture('support-case-created'), id: 'race-created' };
    const communication = { ...fixture('support-case-communication'), id: 'race-communication' };

    const outcomes = await Promise.allSettled([
      handleSupportCaseEvent(created, deps),
      handleSupportCaseEvent(communication, deps),
    ]);

    const topLevel = () => recorded.posts.filter((post) => !post.threadTs);
    expect(topLevel()).toHaveLength(1);
    const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    expect(failed).toBeGreaterThanOrEqual(0);
    // Lambda's retry of the event that lost the race: the message exists now, so it edits (and threads).
    await handleSupportCaseEvent(failed === 0 ? created : communication, deps);
    expect(topLevel()).toHaveLength(1);
    expect(recorded.updates.length + recorded.posts.filter((post) => post.threadTs).length).toBeGreaterThan(
      0,
    );
  });
});
