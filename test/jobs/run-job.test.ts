import { describe, expect, it } from 'vitest';
import type { SlackReply } from '../../blocks/message';
import { appConfigSchema } from '../../src/config/schema';
import type { Job, JobOfKind } from '../../src/jobs/job';
import { runJob } from '../../src/jobs/run-job';
import { LEASE_SECONDS, startRun } from '../../src/jobs/run-lease';
import type { WorkerDeps } from '../../src/jobs/worker-deps';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const SLACK_URL = 'https://hooks.slack.com/commands/T0123/456/abc';

const whoami = (id: string, responseUrl = SLACK_URL): JobOfKind<'whoami'> => ({
  kind: 'whoami',
  id,
  reply: { responseUrl, userId: 'U0ASKER01', channelId: 'C0TEAM001' },
});

/** A worker whose clock the test moves: sleeping advances it, as a real wait would. */
function worker(store: StateStore, startMs: number) {
  let nowMs = startMs;
  const posts: { url: string; reply: SlackReply }[] = [];
  const failed: Record<string, unknown>[] = [];
  let identityCalls = 0;
  const deps = {
    config: appConfigSchema.parse({ slack: { defaultChannel: 'C0ALERTS01' } }),
    store,
    sts: {
      send: async () => {
        identityCalls += 1;
        return {
          Account: '999999999999',
          Arn: 'arn:aws:sts::999999999999:assumed-role/bot/w',
          UserId: 'AROA:w',
        };
      },
    },
    accounts: { nameOf: async () => undefined },
    now: () => new Date(nowMs),
    sleep: async (ms: number) => {
      nowMs += ms;
    },
    respond: async (url: string, reply: SlackReply) => {
      posts.push({ url, reply });
    },
    responseUrlHosts: [],
    failureQueue: {
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/999999999999/failed',
      sqs: {
        send: async (command: { input: { MessageBody: string } }) =>
          failed.push(JSON.parse(command.input.MessageBody)),
      },
    },
  } as unknown as WorkerDeps;
  return {
    deps,
    posts,
    failed,
    identityCalls: () => identityCalls,
    advance: (seconds: number) => {
      nowMs += seconds * 1000;
    },
  };
}

describe('runJob: every delivered job is answered once', () => {
  let store: StateStore;
  useLocalStateStore('run-job-test', (s) => {
    store = s;
  });

  it('answers a job whose earlier run was killed (lease left behind) instead of ignoring it as a duplicate', async () => {
    const killedAt = Date.parse('2026-12-01T10:00:00Z');
    // The first delivery started the run, then Lambda killed it (timeout / out of memory): nothing renews the lease.
    await startRun(store, 'whoami#killed-1', { nowMs: () => killedAt, sleep: async () => {} });
    const retry = worker(store, killedAt + 60_000); // Lambda's first retry, a minute later

    await runJob(whoami('killed-1'), retry.deps);

    expect(retry.posts).toHaveLength(1);
    expect(retry.posts[0]?.url).toBe(SLACK_URL);
    expect(retry.posts[0]?.reply.text).toMatch(/took too long or ran out of memory/);
    expect(retry.failed).toEqual([
      expect.objectContaining({ source: 'slackWorker', reason: 'killed', event: whoami('killed-1') }),
    ]);
  });

  it('does nothing for a further delivery once the person was told', async () => {
    const killedAt = Date.parse('2026-12-01T11:00:00Z');
    await startRun(store, 'whoami#killed-2', { nowMs: () => killedAt, sleep: async () => {} });
    await runJob(whoami('killed-2'), worker(store, killedAt + 60_000).deps);
    const last = worker(store, killedAt + 180_000);

    await runJob(whoami('killed-2'), last.deps);

    expect(last.posts).toEqual([]);
    expect(last.failed).toEqual([]);
  });

  it('ignores a duplicate delivery of a live run (its lease is renewed while the duplicate waits)', async () => {
    const startedAt = Date.parse('2026-12-01T12:00:00Z');
    const live = await startRun(store, 'whoami#live-1', { nowMs: () => startedAt, sleep: async () => {} });
    if (live.outcome !== 'run') throw new Error('expected to own the run');
    const duplicate = worker(store, startedAt + 10_000);
    let renewals = 0;
    const sleep = duplicate.deps.sleep;
    duplicate.deps.sleep = async (ms) => {
      await sleep?.(ms);
      renewals += 1;
      await live.lease.renew(); // the live run's heartbeat meanwhile
    };
    // The live run renews with its own clock: pretend it is as late as the duplicate's.
    Object.assign(live.lease, {
      clock: { nowMs: () => duplicate.deps.now().getTime(), sleep: async () => {} },
    });

    await runJob(whoami('live-1'), duplicate.deps);

    expect(renewals).toBe(1);
    expect(duplicate.posts).toEqual([]);
    expect(duplicate.identityCalls()).toBe(0);
  });

  it('ignores a duplicate delivery of a finished run', async () => {
    const first = worker(store, Date.parse('2026-12-01T13:00:00Z'));
    await runJob(whoami('done-1'), first.deps);
    const duplicate = worker(store, Date.parse('2026-12-01T13:05:00Z'));

    await runJob(whoami('done-1'), duplicate.deps);

    expect(first.posts).toHaveLength(1);
    expect(duplicate.posts).toEqual([]);
  });

  it('runs again at once when the earlier run could not tell Slack (and so failed on purpose)', async () => {
    const first = worker(store, Date.parse('2026-12-01T14:00:00Z'));
    first.deps.respond = async () => {
      throw new Error('response_url not reached');
    };
    await expect(runJob(whoami('retry-1'), first.deps)).rejects.toThrow(/not reached/);
    const retry = worker(store, Date.parse('2026-12-01T14:01:00Z'));

    await runJob(whoami('retry-1'), retry.deps);

    expect(retry.posts.map((p) => p.reply.text).join()).toMatch(/999999999999/);
  });

  it(`takes over a run whose lease lapsed ${LEASE_SECONDS} s after its last heartbeat, however late the retry`, async () => {
    const killedAt = Date.parse('2026-12-01T15:00:00Z');
    await startRun(store, 'whoami#killed-3', { nowMs: () => killedAt, sleep: async () => {} });
    const retry = worker(store, killedAt + (LEASE_SECONDS + 1) * 1000);

    await runJob(whoami('killed-3'), retry.deps);

    expect(retry.posts).toHaveLength(1);
  });

  it('posts nothing and runs nothing for a job whose response URL is not Slack’s', async () => {
    const forged = worker(store, Date.parse('2026-12-01T16:00:00Z'));

    await runJob(whoami('forged-1', 'https://attacker.example/collect'), forged.deps);

    expect(forged.posts).toEqual([]);
    expect(forged.identityCalls()).toBe(0);
  });
});

describe('runJob: a job clicked on the Home re-publishes that Home', () => {
  let store: StateStore;
  useLocalStateStore('run-job-home-test', (s) => {
    store = s;
  });

  it('re-publishes the person’s Home after answering, and a failing publish never fails the job', async () => {
    const w = worker(store, Date.UTC(2026, 0, 1));
    const dms: string[] = [];
    const refreshed: string[] = [];
    const deps = {
      ...w.deps,
      sink: { post: async (channel: string) => void dms.push(channel) },
      refreshHome: async (userId: string) => {
        refreshed.push(userId);
        throw new Error('views.publish refused');
      },
    } as unknown as WorkerDeps;
    // whoami stands in for any Home job (Unmute, Retag, It's mine): runJob decides on the reply target alone.
    const homeJob = { ...whoami('j-home'), reply: { home: true, userId: 'U0ASKER01' } } as unknown as Job;

    await expect(runJob(homeJob, deps)).resolves.toBeUndefined();
    await runJob(whoami('j-channel'), deps);

    expect(dms).toEqual(['U0ASKER01']);
    expect(refreshed).toEqual(['U0ASKER01']);
  });
});
