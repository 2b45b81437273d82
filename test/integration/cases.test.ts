import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import { BotHarness } from '../support/bot-harness';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('/aws-cases from a signed slash command to the report', () => {
  const bot = new BotHarness();
  const support = new SupportStandIn();

  beforeAll(async () => {
    await support.start();
    support.pageSize = 10;
    support.cases.set('111111111111', [
      ...Array.from({ length: 25 }, (_, n) =>
        supportCase('111111111111', n, { timeCreated: hoursAgo(n * 5) }),
      ),
      supportCase('111111111111', 99, { timeCreated: hoursAgo(24 * 40), subject: 'too old' }),
    ]);
    support.cases.set('333333333333', [
      supportCase('333333333333', 1, {
        timeCreated: hoursAgo(2),
        severityCode: 'urgent',
        subject: '<!here> staging is down & <b>',
      }),
      supportCase('333333333333', 2, { timeCreated: hoursAgo(24 * 200), subject: 'opened 200 days ago' }),
    ]);
    support.failures.set('222222222222', {
      status: 400,
      code: 'SubscriptionRequiredException',
      message: 'AWS Premium Support Subscription is required to use this service.',
    });
    await bot.start({ AWS_ENDPOINT_URL_SUPPORT: support.url });
  });
  afterAll(() => Promise.all([bot.stop(), support.stop()]));

  it('acks at once with the account count, then answers with the report and sends the files to a DM', async () => {
    const ack = await bot.command('/aws-cases', '7d', { responseId: 'cases-week' });

    expect(ack.status).toBe(200);
    expect(String(ack.json().text)).toBe('Collecting support cases (last 7d) from 3 accounts…');
    const report = await bot.slack.waitFor('response_url', 10_000, (call) =>
      call.path.endsWith('/cases-week'),
    );
    expect(report.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(report.body.text).toBe(
      'Support cases, last 7d: 26 (26 open) in 2 of 3 accounts; 1 account could not be read.',
    );
    const blocks = JSON.stringify(report.body.blocks);
    expect(report.body.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'data_visualization' }),
        expect.objectContaining({ type: 'data_table' }),
      ]),
    );
    expect(blocks).toContain('*1 × SubscriptionRequiredException: the Support API needs a Business');
    expect(blocks).toContain('prod-payments (222222222222)');
    expect(blocks).toContain(':wrench: *No Business or Enterprise support plan* (1): the Support API needs');
    expect(blocks).toContain('&lt;!here&gt; staging is down &amp; &lt;b&gt;');
    expect(blocks).toContain('CSV, failures CSV and chart in your DM with the bot');
    expect(checkSlackLimits(report.body)).toEqual([]);
    await bot.lambda.settled();
    const [csv, failures, chart] = bot.slack.files.filter((f) => f.channel === 'D0LOCAL01');
    expect(failures?.filename).toMatch(/^support-case-failures-7d-.*\.csv$/);
    expect(parse(failures?.bytes.toString('utf8') ?? '', { bom: true, columns: true })).toEqual([
      {
        account_id: '222222222222',
        account_name: 'prod-payments',
        reason: expect.stringMatching(/^SubscriptionRequiredException: the Support API needs a Business/),
        aws_error:
          'SubscriptionRequiredException: AWS Premium Support Subscription is required to use this service.',
        cause: 'No Business or Enterprise support plan',
        fix: expect.stringMatching(
          /^the Support API needs Business, Enterprise On-Ramp or Enterprise Support/,
        ),
      },
    ]);
    const rows = parse(csv?.bytes.toString('utf8') ?? '', { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(26);
    expect(rows[0]).toMatchObject({ account_name: 'staging', severity: 'urgent' });
    expect(chart?.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('posts the report in the channel with public, then the files, and confirms to the asker', async () => {
    await bot.command('/aws-cases', '24h account=staging public', { responseId: 'cases-public' });

    const confirmation = await bot.slack.waitFor(
      'response_url',
      10_000,
      (call) => call.path.endsWith('/cases-public') && call.body.replace_original === true,
    );
    const posts = bot.slack.calls.filter((call) => call.path.endsWith('/cases-public'));
    expect(posts[0]?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(posts[0]?.body.text)).toBe('Support cases, last 24h: 1 (1 open) in 1 of 1 accounts.');
    expect(String(confirmation.body.text)).toMatch(/Posted the support case report in the channel/);
    await bot.lambda.settled();
    expect(bot.slack.files.filter((f) => f.channel === 'C0LOCAL01').map((f) => f.filename)).toEqual([
      expect.stringMatching(/^support-cases-24h-.*\.csv$/),
      expect.stringMatching(/^support-cases-per-day-.*\.png$/),
    ]);
    expect(bot.slack.calls.filter((call) => call.path.endsWith('/cases-public'))).toHaveLength(2);
  });

  it('accepts a year (365d) and reads every case open now with status=open, one opened 200 days ago too', async () => {
    const year = await bot.command('/aws-cases', '365d account=staging', { responseId: 'cases-year' });
    const open = await bot.command('/aws-cases', 'status=open account=staging', { responseId: 'cases-open' });

    expect(String(year.json().text)).toBe('Collecting support cases (last 365d) from account staging…');
    expect(String(open.json().text)).toBe(
      'Collecting support cases (every case open now, any creation date) from account staging…',
    );
    const report = await bot.slack.waitFor('response_url', 10_000, (call) =>
      call.path.endsWith('/cases-open'),
    );
    expect(String(report.body.text)).toBe(
      'Support cases, every case open now, any creation date: 2 (2 open) in 1 of 1 accounts.',
    );
    expect(JSON.stringify(report.body.blocks)).toContain('opened 200 days ago');
    await bot.lambda.settled();
  });

  it('coverage names every account that cannot be read, by cause with the fix, and sends the coverage CSV', async () => {
    const ack = await bot.command('/aws-cases', 'coverage', { responseId: 'cases-coverage' });

    expect(String(ack.json().text)).toBe('Checking which of 3 accounts the case report can read…');
    const answer = await bot.slack.waitFor('response_url', 10_000, (call) =>
      call.path.endsWith('/cases-coverage'),
    );
    expect(answer.body.text).toBe('Support case coverage: 2 of 3 accounts can be read, 1 cannot.');
    const blocks = JSON.stringify(answer.body.blocks);
    expect(blocks).toContain(
      ':wrench: *No Business or Enterprise support plan* (1): the Support API needs Business, Enterprise On-Ramp or Enterprise Support',
    );
    expect(blocks).toContain('prod-payments (222222222222)');
    expect(checkSlackLimits(answer.body)).toEqual([]);
    await bot.lambda.settled();
    const csv = bot.slack.files.find((f) => f.filename.startsWith('support-case-coverage-'));
    expect(csv?.channel).toBe('D0LOCAL01');
    const rows = parse(csv?.bytes.toString('utf8') ?? '', { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((row) => [row.account_name, row.readable, row.cause])).toEqual([
      ['management', 'yes', ''],
      ['prod-payments', 'no', 'No Business or Enterprise support plan'],
      ['staging', 'yes', ''],
    ]);
  });

  it('sends the report again in the text form when Slack refuses the native blocks, and remembers the workspace', async () => {
    bot.slack.refusedBlockTypes.add('data_visualization').add('data_table');
    try {
      await bot.command('/aws-cases', '7d account=staging', { responseId: 'cases-refused-1' });
      await bot.lambda.settled();
      await bot.command('/aws-cases', '7d account=staging', { responseId: 'cases-refused-2' });
      await bot.lambda.settled();
    } finally {
      bot.slack.refusedBlockTypes.clear();
    }

    const first = bot.slack.calls.filter((call) => call.path.endsWith('/cases-refused-1'));
    const second = bot.slack.calls.filter((call) => call.path.endsWith('/cases-refused-2'));
    expect(first.map((call) => call.refused)).toEqual(['invalid_blocks', undefined]);
    expect(String(first[1]?.body.text)).toBe('Support cases, last 7d: 1 (1 open) in 1 of 1 accounts.');
    expect(JSON.stringify(first[1]?.body.blocks)).toContain('staging is down');
    expect(second.map((call) => call.refused)).toEqual([undefined]);
    expect(JSON.stringify(second[0]?.body.blocks)).not.toContain('data_table');
  });

  it('answers a bad argument with the usage and starts no job', async () => {
    const before = bot.lambda.invocations.length;

    const response = await bot.command('/aws-cases', '7 days');

    expect(String(response.json().text)).toMatch(/"7": not a window.*Usage: \/aws-cases/s);
    expect(checkSlackLimits(response.json())).toEqual([]);
    expect(bot.lambda.invocations.length).toBe(before);
  });
});
