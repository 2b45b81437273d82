import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { dueOffset } from '../../src/health/send-reminders';
import { HealthBotHarness } from '../support/health-bot-harness';
import { anotherHealthEvent } from '../support/health-harness';

const HOUR = 3_600_000;

/** The RDS scheduled-change sample, starting `hours` from now (Health announces some changes late). */
const scheduledChange = (hours: number, suffix: string) =>
  anotherHealthEvent('rds-scheduled-change', suffix, (detail) => {
    detail.startTime = new Date(Date.now() + hours * HOUR).toUTCString();
    detail.lastUpdatedTime = new Date(Date.now() - HOUR).toUTCString();
  });

describe('healthReminders before scheduled changes (handlers/health-reminders, dynalite, Slack stand-in)', () => {
  const bot = new HealthBotHarness();
  beforeAll(async () => {
    await bot.start();
    bot.use('healthReminders', (await import('../../handlers/health-reminders')).handler);
  });
  afterAll(() => bot.stop());

  it('sends the nearest due reminder once in the alert’s thread, with the route’s mention; a second run sends nothing', async () => {
    await bot.deliver(scheduledChange(20, '1'));
    const alert = bot.slack.callsOf('chat.postMessage').find((c) => c.body.channel === 'C0MAINT001');
    expect(alert).toBeDefined();

    const before = bot.slack.calls.length;
    await bot.invoke('healthReminders');
    const first = bot.slack.calls.slice(before);

    // 7d and 1d are both due for a change 20 h away: only the 1-day reminder is sent.
    expect(first.map((c) => [c.method, c.body.channel, c.body.thread_ts])).toEqual([
      ['chat.postMessage', 'C0MAINT001', alert?.ts],
    ]);
    expect(checkSlackLimits(first[0]?.body ?? {})).toEqual([]);
    const text = JSON.stringify(first[0]?.body.blocks);
    expect(text).toContain('starts in about 1 day');
    expect(text).toContain('<!subteam^S0MAINTAIN1>');

    const again = bot.slack.calls.length;
    await bot.invoke('healthReminders');
    expect(bot.slack.calls.slice(again)).toEqual([]);
  });

  it('sends nothing for a change no offset has reached, nor for one that is closed', async () => {
    await bot.deliver(scheduledChange(24 * 9, '2'));
    const closed = scheduledChange(2, '3');
    await bot.deliver(closed);
    const detail = closed.detail as Record<string, unknown>;
    await bot.deliver({
      ...closed,
      id: 'b2222222-0000-4000-8000-00000000003c',
      detail: { ...detail, statusCode: 'closed', lastUpdatedTime: new Date().toUTCString() },
    });

    const before = bot.slack.calls.length;
    await bot.invoke('healthReminders');

    expect(bot.slack.calls.slice(before)).toEqual([]);
  });

  it('quarantines an invocation that is not a schedule', async () => {
    await bot.invoke('healthReminders', { hello: 'world' });
    expect(await bot.store.query('quarantine#healthReminders')).toHaveLength(1);
  });
});

describe('which reminder is due', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');
  const offsets = ['7d', '1d', '1h'];
  const inHours = (h: number) => new Date(now.getTime() + h * HOUR).toISOString();

  it('is the nearest offset reached, none before the first, none once the change started', () => {
    expect(dueOffset(inHours(24 * 8), offsets, now)).toBeUndefined();
    expect(dueOffset(inHours(24 * 6), offsets, now)).toBe('7d');
    expect(dueOffset(inHours(20), offsets, now)).toBe('1d');
    expect(dueOffset(inHours(0.5), offsets, now)).toBe('1h');
    expect(dueOffset(inHours(-0.1), offsets, now)).toBeUndefined();
  });
});
