import { afterEach, describe, expect, it } from 'vitest';
import type { SlackReply } from '../../../blocks/message';
import { type LocalServer, startServer } from '../../../src/local/http-server';
import {
  ResponseUrlError,
  ResponseUrlRefusedError,
  respondToUrl,
  responseUrlProblem,
} from '../../../src/slack/api/response-url';

const reply: SlackReply = { responseType: 'ephemeral', text: 'Done: 3 buckets', blocks: [] };
const LOOPBACK = ['127.0.0.1'];
/** Records waits instead of sleeping, so back-off is visible and the test is fast. */
const recordSleeps = (waits: number[]) => async (ms: number) => void waits.push(ms);

describe('respondToUrl retries what Slack did not take', () => {
  let server: LocalServer | undefined;
  afterEach(() => server?.close());

  it('posts again after the first connection is reset, so a finished job is answered', async () => {
    const bodies: string[] = [];
    server = await startServer((req, body, res) => {
      bodies.push(body);
      if (bodies.length === 1) return void req.socket.destroy();
      res.end('ok');
    });
    const waits: number[] = [];

    await respondToUrl(`${server.url}/response/r1`, reply, {
      allowedHosts: LOOPBACK,
      sleep: recordSleeps(waits),
    });

    expect(bodies).toHaveLength(2);
    expect(JSON.parse(bodies[1] ?? '{}').text).toBe('Done: 3 buckets');
    expect(waits).toHaveLength(1);
  });

  it('posts again after 503, then succeeds', async () => {
    const statuses = [503, 200];
    let calls = 0;
    server = await startServer((_req, _body, res) => {
      res.statusCode = statuses[calls++] ?? 200;
      res.end(res.statusCode === 200 ? 'ok' : 'unavailable');
    });

    await respondToUrl(`${server.url}/response/r1`, reply, { allowedHosts: LOOPBACK, sleep: async () => {} });

    expect(calls).toBe(2);
  });

  it('waits as long as Retry-After says on 429, but never longer than the bound', async () => {
    const retryAfter = ['2', '3600'];
    let calls = 0;
    server = await startServer((_req, _body, res) => {
      const header = retryAfter[calls++];
      if (header !== undefined) {
        res.statusCode = 429;
        res.setHeader('retry-after', header);
      }
      res.end('ok');
    });
    const waits: number[] = [];

    await respondToUrl(`${server.url}/response/r1`, reply, {
      allowedHosts: LOOPBACK,
      sleep: recordSleeps(waits),
    });

    expect(calls).toBe(3);
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBeLessThanOrEqual(30_000);
  });

  it('gives up after a bounded number of attempts and says why', async () => {
    let calls = 0;
    server = await startServer((_req, _body, res) => {
      calls += 1;
      res.statusCode = 500;
      res.end('boom');
    });

    const posting = respondToUrl(`${server.url}/response/r1`, reply, {
      allowedHosts: LOOPBACK,
      sleep: async () => {},
    });

    await expect(posting).rejects.toThrow(ResponseUrlError);
    await expect(posting).rejects.toThrow(/500/);
    expect(calls).toBe(4);
  });

  it('does not retry a request Slack refused (404: the response_url expired)', async () => {
    let calls = 0;
    server = await startServer((_req, _body, res) => {
      calls += 1;
      res.statusCode = 404;
      res.end('expired_url');
    });

    await expect(
      respondToUrl(`${server.url}/response/r1`, reply, { allowedHosts: LOOPBACK, sleep: async () => {} }),
    ).rejects.toThrow(/404/);
    expect(calls).toBe(1);
  });
});

describe('response URLs are only Slack’s', () => {
  it.each([
    'https://hooks.slack.com/commands/T0123/456/abc',
    'https://hooks.slack.com/actions/T0123/456/abc',
    'https://hooks.slack-gov.com/commands/T0123/456/abc',
  ])('accepts %s', (url) => {
    expect(responseUrlProblem(url, [])).toBeUndefined();
  });

  it.each([
    ['another host', 'https://attacker.example/collect'],
    ['a look-alike host', 'https://hooks.slack.com.attacker.example/x'],
    ['a host that only ends like Slack’s', 'https://evilhooks.slack.com/x'],
    ['plain http to Slack', 'http://hooks.slack.com/commands/T0123/456/abc'],
    ['user info before the host', 'https://hooks.slack.com@attacker.example/x'],
    ['loopback when not allowed', 'http://127.0.0.1:3000/response'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['not a URL', 'hooks.slack.com/commands'],
  ])('refuses %s', (_label, url) => {
    expect(responseUrlProblem(url, [])).toMatch(/./);
  });

  it('accepts a local stand-in only when its host is on the allow-list', () => {
    expect(responseUrlProblem('http://127.0.0.1:4010/response/r1', ['127.0.0.1'])).toBeUndefined();
    expect(responseUrlProblem('http://127.0.0.1:4010/response/r1', ['127.0.0.1:4010'])).toBeUndefined();
    expect(responseUrlProblem('http://127.0.0.1:4010/response/r1', ['127.0.0.1:9'])).toMatch(/./);
    expect(responseUrlProblem('http://localhost:4010/response/r1', ['127.0.0.1'])).toMatch(/./);
  });

  it('posts nothing to a URL that is not Slack’s', async () => {
    let calls = 0;
    const server = await startServer((_req, _body, res) => {
      calls += 1;
      res.end('ok');
    });
    try {
      await expect(respondToUrl(`${server.url}/steal`, reply, { allowedHosts: [] })).rejects.toThrow(
        ResponseUrlRefusedError,
      );
      expect(calls).toBe(0);
    } finally {
      await server.close();
    }
  });
});
