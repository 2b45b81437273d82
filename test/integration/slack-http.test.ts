import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { BotHarness, WORKER_FUNCTION } from '../support/bot-harness';

describe('POST /slack/events through the real handlers', () => {
  const bot = new BotHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());

  it('answers a signed /aws-help with 200 and the list of commands in the ack', async () => {
    const response = await bot.command('/aws-help');

    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('/aws-whoami');
    expect(checkSlackLimits(body)).toEqual([]);
  });

  it.each([
    ['unsigned', { secret: 'not-the-secret' }],
    ['stale (6 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['future-dated (6 minutes ahead)', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
    ['future-dated (1 year ahead)', { timestamp: Math.floor(Date.now() / 1000) + 365 * 24 * 60 * 60 }],
  ])('refuses a %s request with 401 and makes no Slack or AWS call', async (_label, options) => {
    const before = {
      slack: bot.slack.calls.length,
      lambda: bot.lambda.invocations.length,
      sts: bot.sts.assumed.length,
    };

    const response = await bot.command('/aws-whoami', '', options);

    expect(response.status).toBe(401);
    expect(bot.slack.calls.length).toBe(before.slack);
    expect(bot.lambda.invocations.length).toBe(before.lambda);
    expect(bot.sts.assumed.length).toBe(before.sts);
  });

  it('refuses a tampered body (signature of another text) with 401', async () => {
    const { slackSignatureHeaders } = await import('../../src/local/sign-slack-request');
    const headers = slackSignatureHeaders('command=%2Faws-help', 'test-signing-secret');
    const response = await fetch(bot.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'command=%2Faws-whoami&text=222222222222',
    });

    expect(response.status).toBe(401);
  });

  it('acks /aws-whoami at once and answers with the bot identity through the response_url', async () => {
    const response = await bot.command('/aws-whoami', '', { responseId: 'whoami-self' });

    expect(response.status).toBe(200);
    expect(String(response.json().text)).toMatch(/Looking up/);
    const answer = await bot.slack.waitFor('response_url', 5000, (call) =>
      call.path.endsWith('/whoami-self'),
    );
    expect(answer.body.replace_original).toBe(true);
    expect(String(answer.body.text)).toContain('arn:aws:iam::999999999999:role/aws-chatops-dev-slackWorker');
    expect(checkSlackLimits(answer.body)).toEqual([]);
  });

  it('assumes the per-account role for /aws-whoami <name> and shows the identity there', async () => {
    await bot.command('/aws-whoami', 'STAGING', { responseId: 'whoami-staging' });

    const answer = await bot.slack.waitFor('response_url', 5000, (call) =>
      call.path.endsWith('/whoami-staging'),
    );
    expect(bot.sts.assumed).toContain('arn:aws:iam::333333333333:role/staging-reader');
    expect(String(answer.body.text)).toContain('333333333333');
  });

  it('tells the person which role could not be assumed, and why', async () => {
    bot.sts.deniedRoles.add('arn:aws:iam::222222222222:role/aws-chatops-read');

    await bot.command('/aws-whoami', '222222222222', { responseId: 'whoami-denied' });

    const answer = await bot.slack.waitFor('response_url', 5000, (call) =>
      call.path.endsWith('/whoami-denied'),
    );
    expect(String(answer.body.text)).toMatch(/AccessDenied/);
    expect(String(answer.body.text)).toMatch(/aws-chatops-read/);
  });

  it('gives an ephemeral usage message for unknown arguments and starts no job', async () => {
    const before = bot.lambda.invocations.length;

    const response = await bot.command('/aws-whoami', 'nope-account extra');

    const body = response.json();
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toMatch(/Usage/);
    expect(bot.lambda.invocations.length).toBe(before);
  });

  it('starts no second job when Slack retries a request it already delivered', async () => {
    const before = bot.lambda.invocations.length;

    await bot.command('/aws-whoami', '', { triggerId: 'trigger-retried', responseId: 'retried' });
    const retry = await bot.command('/aws-whoami', '', {
      triggerId: 'trigger-retried',
      responseId: 'retried',
      retryNum: 1,
    });
    await bot.lambda.settled();

    expect(retry.status).toBe(200);
    expect(bot.lambda.invocations.length).toBe(before + 1);
    expect(bot.slack.calls.filter((call) => call.path.endsWith('/retried'))).toHaveLength(1);
  });

  it('runs a job the worker receives twice (at-least-once async invoke) only once', async () => {
    await bot.command('/aws-whoami', '', { triggerId: 'trigger-delivered-twice', responseId: 'twice' });
    await bot.lambda.settled();
    const [delivered] = bot.lambda.invocations.filter(
      (invocation) => (invocation.payload as { id?: string }).id === 'trigger-delivered-twice',
    );

    await fetch(`${bot.lambda.url}/2015-03-31/functions/${WORKER_FUNCTION}/invocations`, {
      method: 'POST',
      headers: { 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify(delivered?.payload),
    });
    await bot.lambda.settled();

    expect(bot.slack.calls.filter((call) => call.path.endsWith('/twice'))).toHaveLength(1);
  });
});
