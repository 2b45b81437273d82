import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlackReply } from '../../blocks/message';
import { runCases } from '../../src/cases/run-cases-job';
import { appConfigSchema } from '../../src/config/schema';
import type { JobOfKind } from '../../src/jobs/job';
import type { WorkerDeps } from '../../src/jobs/worker-deps';

const ACCOUNTS = Array.from({ length: 12 }, (_, n) => ({ id: String(100000000000 + n), name: `acct-${n}` }));

/** Every DescribeCases call takes 5 s of (fake) time, so the run is long enough for every progress line. */
function slowRun(upload: WorkerDeps['sink']['uploadFiles'], nativeBlocks = false) {
  const posts: { text: string; blocks: string; replaceOriginal: boolean | undefined }[] = [];
  const config = appConfigSchema.parse({
    slack: { defaultChannel: 'C0ALERTS01' },
    accounts: ACCOUNTS,
    cases: { concurrency: 1, nativeBlocks },
  });
  const deps = {
    config,
    accounts: { roleFor: () => 'GetSupportInfoRole', nameOf: async () => undefined },
    clients: {
      support: () => ({
        send: async () => {
          vi.setSystemTime(Date.now() + 5_000);
          if (!nativeBlocks) return { cases: [] };
          const at = new Date().toISOString();
          const id = `case-${Date.now()}`;
          return {
            cases: [
              {
                caseId: id,
                displayId: id,
                subject: 'Disk',
                severityCode: 'high',
                status: 'opened',
                timeCreated: at,
              },
            ],
          };
        },
      }),
    },
    organizations: { send: async () => ({}) },
    loadChartRenderer: async () => async () => Buffer.from('png'),
    now: () => new Date(),
    sink: { uploadFiles: upload },
    respond: async (_url: string, reply: SlackReply, options?: { replaceOriginal?: boolean }) => {
      const refused = JSON.stringify(reply.blocks).includes('"data_table"');
      posts.push({
        text: reply.text,
        blocks: JSON.stringify(reply.blocks),
        replaceOriginal: options?.replaceOriginal,
      });
      // A workspace without the native blocks yet: the response_url answers 400 invalid_blocks (a post spent).
      if (refused) throw new Error('response_url answered 400: {"ok":false,"error":"invalid_blocks"}');
    },
  } as unknown as WorkerDeps;
  return { deps, posts };
}

const job = (isPublic: boolean): JobOfKind<'cases'> => ({
  kind: 'cases',
  id: 'trigger-1',
  reply: {
    responseUrl: 'https://hooks.slack.com/commands/T1/1/abc',
    userId: 'U0ASKER01',
    channelId: 'C0TEAM001',
  },
  query: { windowText: '7d', windowHours: 168, status: 'all', public: isPublic },
});

describe('runCases and the response_url budget (5 posts in 30 minutes)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([true, false])(
    'uses at most 5 posts on a long run whose files fail (public: %s)',
    async (isPublic) => {
      const { deps, posts } = slowRun(async () => {
        throw Object.assign(new Error('An API error occurred: not_in_channel'), {
          data: { error: 'not_in_channel' },
        });
      });

      await runCases(job(isPublic), deps);

      expect(posts.filter((post) => post.text.startsWith('Collected support cases from'))).toHaveLength(2);
      expect(posts.at(-1)?.text).toMatch(/could not be shared \(not_in_channel\)/);
      expect(posts.length).toBeLessThanOrEqual(5);
    },
  );

  it('uses at most 5 posts when the native report is refused and sent again as text, public and files failing', async () => {
    const { deps, posts } = slowRun(async () => {
      throw Object.assign(new Error('An API error occurred: not_in_channel'), {
        data: { error: 'not_in_channel' },
      });
    }, true);

    await runCases(job(true), deps);

    expect(posts.filter((post) => post.blocks.includes('"data_table"'))).toHaveLength(1);
    expect(posts.filter((post) => post.text.startsWith('Collected support cases from'))).toHaveLength(1);
    expect(posts.at(-1)?.text).toMatch(/could not be shared \(not_in_channel\)/);
    expect(posts.length).toBeLessThanOrEqual(5);
  });

  it('promises only the CSV when the window has no cases (no chart is drawn)', async () => {
    const { deps, posts } = slowRun(async (channel) => channel);

    await runCases(job(false), deps);

    const report = posts.find((post) => post.text.startsWith('Support cases, last 7d'));
    expect(report?.blocks).toContain('CSV in your DM with the bot');
    expect(report?.blocks).not.toContain('chart');
  });

  it('sends the files to the asker (DM) by default and to the channel with public', async () => {
    const targets: string[] = [];
    const upload = async (channel: string) => {
      targets.push(channel);
      return channel;
    };

    await runCases(job(false), slowRun(upload).deps);
    await runCases(job(true), slowRun(upload).deps);

    expect(targets).toEqual(['U0ASKER01', 'C0TEAM001']);
  });
});
