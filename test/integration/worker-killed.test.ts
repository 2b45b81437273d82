import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalServer, startServer } from '../../src/local/http-server';
import { BotHarness } from '../support/bot-harness';

/**
 * A worker killed mid-job (Lambda timeout, out of memory) is played by a real process killed with SIGKILL while
 * it works; the next delivery (Lambda's retry of the asynchronous invoke, a minute or more later) goes to the real
 * worker handler. Whatever the killed run left in the state table, the person must get an answer.
 */
describe('a worker killed mid-job', () => {
  const bot = new BotHarness();
  let responseUrl: LocalServer;
  const answers: Record<string, unknown>[] = [];
  let firstPostArrived: () => void = () => undefined;
  const killedRunReachedSlack = new Promise<void>((resolve) => {
    firstPostArrived = resolve;
  });

  beforeAll(async () => {
    // The killed run's post never gets an answer (the process dies while it waits); later posts are answered.
    let posts = 0;
    responseUrl = await startServer((_req, body, res) => {
      posts += 1;
      if (posts === 1) return firstPostArrived();
      answers.push(JSON.parse(body) as Record<string, unknown>);
      res.end('ok');
    });
    // This test's own response_url server is the one the worker may answer.
    await bot.start({ SLACK_RESPONSE_URL_HOSTS: new URL(responseUrl.url).host });
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    await Promise.all([bot.stop(), responseUrl?.close()]);
  });

  it('is answered by the retry ("took too long or ran out of memory"), not ignored as a duplicate', async () => {
    const job = {
      kind: 'whoami',
      id: 'trigger-killed-worker',
      reply: {
        responseUrl: `${responseUrl.url}/response/killed`,
        userId: 'U0ASKER01',
        channelId: 'C0TEAM001',
      },
    };
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./handlers/slack-worker.ts').then((m) => (m.handler ?? m.default.handler)(${JSON.stringify(job)}))`,
      ],
      { env: process.env, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const reached = await Promise.race([killedRunReachedSlack.then(() => true), exited.then(() => false)]);
    expect(reached, 'the run to kill got as far as answering Slack').toBe(true);
    child.kill('SIGKILL');
    await exited;
    // Lambda's retries come 1 and 2 minutes after the failure.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60_000 });
    const { handler } = await import('../../handlers/slack-worker');

    await handler(job);

    expect(answers).toHaveLength(1);
    expect(String(answers[0]?.text)).toMatch(/took too long or ran out of memory/);
    expect(answers[0]?.replace_original).toBe(true);
  }, 60_000);
});
