import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { noticeReply } from '../../blocks/notice';
import { type LocalServer, startServer } from '../../src/local/http-server';

/** `npm run slack -- <command>` against a bot that acks with `ack` and, for jobs, answers at the response_url. */
async function runSlackCommand(
  ack: Record<string, unknown>,
  workerAnswer?: Record<string, unknown>,
): Promise<{ ms: number; output: string; code: number | null }> {
  bot = await startServer(async (_req, body, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(ack));
    const responseUrl = new URLSearchParams(body).get('response_url');
    if (workerAnswer && responseUrl)
      setTimeout(() => void fetch(responseUrl, { method: 'POST', body: JSON.stringify(workerAnswer) }), 200);
  });
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/send-slack-command.ts', '/aws-help'], {
    env: { ...process.env, SLACK_EVENTS_URL: `${bot.url}/slack/events` },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill(), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { ms: Date.now() - started, output, code };
}

let bot: LocalServer | undefined;
afterEach(() => bot?.close());

const WORKING = {
  response_type: 'ephemeral',
  ...toWire(noticeReply('working', 'Looking up the AWS identity…')),
};

function toWire(reply: ReturnType<typeof noticeReply>) {
  return { text: reply.text, blocks: reply.blocks };
}

describe('npm run slack', () => {
  it('returns as soon as the ack is the whole answer (/aws-help)', async () => {
    const { ms, output, code } = await runSlackCommand({
      response_type: 'ephemeral',
      text: 'aws-chatops commands',
    });

    expect(code).toBe(0);
    expect(output).toContain('aws-chatops commands');
    expect(ms).toBeLessThan(10_000);
  });

  it('waits for the worker when the ack says it is working on it', async () => {
    const { output, code } = await runSlackCommand(WORKING, {
      text: 'Who the bot is: in the member account',
    });

    expect(code).toBe(0);
    expect(output).toContain('response_url received');
    expect(output).toContain('Who the bot is');
  });
});
