import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HEALTH_DIGEST_EXPAND } from '../../blocks/health-actions';
import { HEALTH_AIRTABLE_TABLE, HealthBotHarness } from '../support/health-bot-harness';
import { anotherHealthEvent } from '../support/health-harness';
import type { RecordedCall } from '../support/slack-stand-in';

const DIGEST = 'C0DIGEST01';

/** The CloudFormation account notification sample as the n-th event of a noisy route. */
const notice = (n: number) => anotherHealthEvent('cloudformation-notification-ap-northeast-2', `digest-${n}`);

describe('digest routes (health-event, healthDigests, Post as alert; dynalite and stand-ins)', () => {
  const bot = new HealthBotHarness();
  beforeAll(async () => {
    await bot.start();
    bot.use('healthDigests', (await import('../../handlers/health-digests')).handler);
  });
  afterAll(() => bot.stop());
  afterEach(() => vi.useRealTimers());

  const callsDuring = async (act: () => Promise<unknown>) => {
    const before = bot.slack.calls.length;
    await act();
    return bot.slack.calls.slice(before);
  };
  let digest: RecordedCall;

  it('posts nothing per event, still writes every event to Airtable, then one digest for the hour; once', async () => {
    const during = await callsDuring(async () => {
      for (const n of [1, 2, 3]) await bot.deliver(notice(n));
    });
    expect(during.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    const arns = [1, 2, 3].map((n) => (notice(n).detail as { eventArn: string }).eventArn);
    const rows = bot.airtable.rows(HEALTH_AIRTABLE_TABLE).map((row) => row.EventArn);
    for (const arn of arns) expect(rows).toContain(arn);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60 * 60 * 1000);
    const posted = await callsDuring(() => bot.invoke('healthDigests'));

    expect(posted.map((c) => [c.method, c.body.channel])).toEqual([['chat.postMessage', DIGEST]]);
    digest = posted[0] as RecordedCall;
    expect(checkSlackLimits(digest.body)).toEqual([]);
    const text = JSON.stringify(digest.body.blocks);
    expect(text).toContain('hourly digest');
    expect(text).toContain(': 3 events');
    expect(text.match(new RegExp(HEALTH_DIGEST_EXPAND, 'g'))).toHaveLength(3);
    expect(text).toContain('`222222222222` prod-payments · `AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION`');

    expect(await callsDuring(() => bot.invoke('healthDigests'))).toEqual([]);
  });

  it('posts one line as a full alert in the digest channel when someone clicks Post as alert', async () => {
    const calls = await callsDuring(() =>
      bot.click({
        actionId: HEALTH_DIGEST_EXPAND,
        userId: 'U0ADA00001',
        channel: DIGEST,
        ts: String(digest.ts),
        triggerId: 'expand-1',
        value: '1',
      }),
    );

    const alert = calls.find((c) => c.method === 'chat.postMessage') as RecordedCall;
    expect(alert.body.channel).toBe(DIGEST);
    expect(alert.body.thread_ts).toBeUndefined();
    expect(JSON.stringify(alert.body.blocks)).toContain('Open: CLOUDFORMATION Operational notification');

    const again = await callsDuring(() =>
      bot.click({
        actionId: HEALTH_DIGEST_EXPAND,
        userId: 'U0LI000001',
        channel: DIGEST,
        ts: String(digest.ts),
        triggerId: 'expand-2',
        value: '1',
      }),
    );
    expect(again.filter((c) => c.method === 'chat.postMessage' && c.body.channel === DIGEST)).toEqual([]);
    const audit = await bot.store.listAudit('health.expand');
    expect(audit.map((e) => [e.actor, e.detail?.posted])).toEqual(
      expect.arrayContaining([
        ['U0ADA00001', true],
        ['U0LI000001', false],
      ]),
    );
  });
});
