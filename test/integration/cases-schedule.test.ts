import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import { readHomeItems } from '../../src/store/home-items';
import { BotHarness } from '../support/bot-harness';

const scheduledEvent = (id: string) => ({
  id,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  time: new Date().toISOString(),
  resources: ['arn:aws:events:us-east-1:999999999999:rule/aws-chatops-test-cases-weekly'],
  detail: {},
});

describe('handlers/cases-schedule (weekly report)', () => {
  const bot = new BotHarness();
  const support = new SupportStandIn();
  let handler: (event: unknown) => Promise<void>;

  beforeAll(async () => {
    await support.start();
    support.cases.set('111111111111', [
      supportCase('111111111111', 1, { timeCreated: new Date(Date.now() - 3_600_000).toISOString() }),
    ]);
    support.failures.set('222222222222', {
      status: 400,
      code: 'SubscriptionRequiredException',
      message: 'AWS Premium Support Subscription is required to use this service.',
    });
    await bot.start({ AWS_ENDPOINT_URL_SUPPORT: support.url });
    ({ handler } = await import('../../handlers/cases-schedule'));
  });
  afterAll(() => Promise.all([bot.stop(), support.stop()]));

  it('posts the report in the configured channel with the CSV and chart in its thread, once per event', async () => {
    await handler(scheduledEvent('schedule-1'));
    await handler(scheduledEvent('schedule-1'));

    const posts = bot.slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe('C0CASES001');
    expect(String(posts[0]?.body.text)).toBe(
      'Support cases, last 7d: 1 (1 open) in 2 of 3 accounts; 1 account could not be read.',
    );
    expect(JSON.stringify(posts[0]?.body.blocks)).toContain('*1 × SubscriptionRequiredException');
    expect(checkSlackLimits(posts[0]?.body)).toEqual([]);
    const files = bot.slack.files.filter((f) => f.channel === 'C0CASES001');
    expect(files.map((f) => f.filename)).toEqual([
      expect.stringMatching(/^support-cases-7d-.*\.csv$/),
      expect.stringMatching(/^support-case-failures-7d-.*\.csv$/),
      expect.stringMatching(/^support-cases-per-day-.*\.png$/),
    ]);
    expect(files[1]?.bytes.toString('utf8')).toContain(
      '222222222222,prod-payments,"SubscriptionRequiredException',
    );
    expect(new Set(files.map((f) => f.threadTs)).size).toBe(1);
    expect(files[0]?.threadTs).toMatch(/^1700000000\.\d{6}$/);
  });

  it('records each account the report read, with its open cases, for the Home tab (the one it could not read as unread)', async () => {
    const items = (await readHomeItems(bot.store)).items.filter((item) => item.kind === 'cases');

    const counts = Object.fromEntries(
      items.map((item) => [item.account?.id, item.kind === 'cases' ? item.fields.open : undefined]),
    );
    expect(counts).toEqual({ '111111111111': 1, '222222222222': 0, '333333333333': 0 });
    const unread = items
      .filter((item) => item.kind === 'cases' && item.fields.unread)
      .map((item) => item.account?.id);
    expect(unread).toEqual(['222222222222']);
  });

  it('keeps a malformed event for replay instead of retrying it', async () => {
    await expect(handler({ id: 'not-a-schedule', 'detail-type': 'Something else' })).resolves.toBeUndefined();

    const kept = await bot.store.query('quarantine#casesSchedule');
    expect(kept.map((record) => (record.data as { eventId: string }).eventId)).toContain('not-a-schedule');
  });
});
