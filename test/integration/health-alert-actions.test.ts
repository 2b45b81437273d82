import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HEALTH_MUTE, HEALTH_ON_IT, HEALTH_UNMUTE } from '../../blocks/health-actions';
import { MUTE_DURATION_BLOCK, MUTE_SCOPE_BLOCK } from '../../blocks/health-mute-modal';
import { HEALTH_AIRTABLE_TABLE, HealthBotHarness } from '../support/health-bot-harness';
import { anotherHealthEvent, healthFixture } from '../support/health-harness';
import type { RecordedCall } from '../support/slack-stand-in';

const ADA = 'U0ADA00001';
const LI = 'U0LI000001';
const ONCALL = 'U0ONCALL1';
const STRANGER = 'U0STRANGE1';
const ADMIN = 'U0ADMIN001';
const PROD_OPS = 'C0PRODOPS1';
const AUDIT = 'C0AUDIT001';

/** ec2-issue-open as another event of the same type in the same account (its own ARN and delivery id). */
const anotherEc2Issue = (n: number) => anotherHealthEvent('ec2-issue-open', `again-${n}`);

describe('Health alert buttons: I’m on it, Mute…, Unmute (slack-http, worker, health-event on loopback)', () => {
  const bot = new HealthBotHarness();
  let alertTs = '';
  beforeAll(async () => {
    await bot.start();
    await bot.deliver('ec2-issue-open');
    alertTs = String(bot.slack.callsOf('chat.postMessage').find((c) => c.body.channel === PROD_OPS)?.ts);
  });
  afterAll(() => bot.stop());

  const isAuditPost = (c: RecordedCall) => c.method === 'chat.postMessage' && c.body.channel === AUDIT;
  let auditPosts: string[] = [];
  /** The calls `act` made, but for its audit channel lines (kept in `auditPosts`, as their text). */
  const callsDuring = async (act: () => Promise<unknown>) => {
    const before = bot.slack.calls.length;
    await act();
    const calls = bot.slack.calls.slice(before);
    auditPosts = calls.filter(isAuditPost).map((c) => String(c.body.text));
    return calls.filter((c) => !isAuditPost(c));
  };
  const click = (actionId: string, userId: string, triggerId: string, ts = alertTs, value?: string) =>
    bot.click({ actionId, userId, channel: PROD_OPS, ts, triggerId, ...(value ? { value } : {}) });

  it('posts the alert with Mute… and I’m on it', () => {
    const post = bot.slack
      .callsOf('chat.postMessage')
      .find((c) => c.body.channel === PROD_OPS) as RecordedCall;
    const json = JSON.stringify(post.body.blocks);
    expect(json).toContain(HEALTH_ON_IT);
    expect(json).toContain(HEALTH_MUTE);
    expect(checkSlackLimits(post.body)).toEqual([]);
  });

  it('adds each person once by editing the alert, with a thread reply the first time; a second click takes them off', async () => {
    const first = await callsDuring(() => click(HEALTH_ON_IT, ADA, 'on-1'));
    expect(first.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    expect(first[0]?.body.ts).toBe(alertTs);
    expect(JSON.stringify(first[0]?.body.blocks)).toContain(`:eyes: <@${ADA}> is on it`);
    expect(first[1]?.body.thread_ts).toBe(alertTs);
    expect(auditPosts).toEqual([
      expect.stringMatching(new RegExp(`^health\\.onit on arn:aws:health:.* by ${ADA}: ok$`)),
    ]);
    expect(JSON.stringify(first[1]?.body.blocks)).toContain(`<@${ADA}> is on it`);

    const second = await callsDuring(() => click(HEALTH_ON_IT, LI, 'on-2'));
    expect(JSON.stringify(second[0]?.body.blocks)).toContain(`:eyes: <@${ADA}>, <@${LI}> are on it`);

    const off = await callsDuring(() => click(HEALTH_ON_IT, ADA, 'on-3'));
    expect(off.map((c) => c.method)).toEqual(['chat.update']);
    expect(auditPosts).toHaveLength(1);
    expect((await bot.store.listAudit('health.onit')).map((e) => [e.actor, e.detail?.on])).toEqual(
      expect.arrayContaining([
        [ADA, true],
        [LI, true],
        [ADA, false],
      ]),
    );
    expect(JSON.stringify(off[0]?.body.blocks)).toContain(`:eyes: <@${LI}> is on it`);

    const back = await callsDuring(() => click(HEALTH_ON_IT, ADA, 'on-4'));
    expect(back.map((c) => c.method)).toEqual(['chat.update']);
  });

  it('keeps the people on it when the event is updated', async () => {
    const calls = await callsDuring(() => bot.deliver('ec2-issue-update'));
    const edit = calls.find((c) => c.method === 'chat.update') as RecordedCall;
    expect(JSON.stringify(edit.body.blocks)).toContain(`:eyes: <@${LI}>, <@${ADA}> are on it`);
  });

  it('refuses Mute… to someone not allowed: an ephemeral refusal, no modal, the refusal audited', async () => {
    const calls = await callsDuring(() => click(HEALTH_MUTE, STRANGER, 'mute-no'));

    expect(calls.map((c) => c.method)).toEqual(['response_url']);
    expect(calls[0]?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(calls[0]?.body)).toContain('health.muteAllowed');
    expect(auditPosts).toEqual([
      expect.stringMatching(new RegExp(`^health\\.mute on .* by ${STRANGER}: refused$`)),
    ]);
    expect(await bot.store.listAudit('health.mute')).toEqual([
      expect.objectContaining({ actor: STRANGER, result: 'refused' }),
    ]);
  });

  let announcementTs = '';
  let muteId = '';
  let muteView: Record<string, unknown> = {};
  const muteValues = {
    [MUTE_SCOPE_BLOCK]: { value: { type: 'radio_buttons', selected_option: { value: '1' } } },
    [MUTE_DURATION_BLOCK]: { value: { type: 'static_select', selected_option: { value: '7' } } },
  };

  it('mutes from the modal: thread reply, audit; the next event of that type in that account posts nothing but reaches Airtable', async () => {
    await click(HEALTH_MUTE, ONCALL, 'mute-1');
    const opened = await bot.slack.waitFor('views.open', 5000, (c) => c.body.trigger_id === 'mute-1');
    const view = opened.body.view as Record<string, unknown>;
    muteView = view;
    expect(checkSlackLimits(view, 'modal')).toEqual([]);
    const options = JSON.stringify(view.blocks);
    expect(options).toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');

    const calls = await callsDuring(() =>
      bot.submitAndSettle(view, ONCALL, 'V0MUTE0001', {
        [MUTE_SCOPE_BLOCK]: { value: { type: 'radio_buttons', selected_option: { value: '1' } } },
        [MUTE_DURATION_BLOCK]: { value: { type: 'static_select', selected_option: { value: '7' } } },
      }),
    );

    const reply = calls.find((c) => c.method === 'chat.postMessage') as RecordedCall;
    expect(reply.body.thread_ts).toBe(alertTs);
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain(`muted by <@${ONCALL}> for 7 days: *AWS_EC2_OPERATIONAL_ISSUE in prod-payments*`);
    expect(text).toContain(HEALTH_UNMUTE);
    const audit = await bot.store.listAudit('health.mute');
    expect(audit[0]).toMatchObject({
      actor: ONCALL,
      result: 'ok',
      target: 'AWS_EC2_OPERATIONAL_ISSUE in prod-payments',
    });
    muteId = String((audit[0]?.detail as { muteId?: string } | undefined)?.muteId);
    expect(auditPosts).toEqual([
      `health.mute on AWS_EC2_OPERATIONAL_ISSUE in prod-payments by ${ONCALL}: ok`,
    ]);
    announcementTs = String(reply.ts);

    const muted = anotherEc2Issue(1);
    const during = await callsDuring(() => bot.deliver(muted));
    expect(during).toEqual([]);
    const arn = (muted.detail as { eventArn: string }).eventArn;
    expect(bot.airtable.rows(HEALTH_AIRTABLE_TABLE).filter((row) => row.EventArn === arn)).toHaveLength(1);
  });

  it('edits an alert already posted in the muted scope in place, with no thread reply to notify anyone', async () => {
    const update = healthFixture('ec2-issue-update');
    update.id = `${String(update.id)}-while-muted`;
    const detail = update.detail as {
      lastUpdatedTime: string;
      eventDescription: { latestDescription: string }[];
    };
    detail.lastUpdatedTime = 'Tue, 14 May 2024 10:15:00 GMT';
    (detail.eventDescription[0] as { latestDescription: string }).latestDescription =
      'The networking device has been replaced; error rates are recovering in euw1-az2.';
    const calls = await callsDuring(() => bot.deliver(update));
    expect(calls.map((c) => [c.method, c.body.ts])).toEqual([['chat.update', alertTs]]);
    expect(JSON.stringify(calls[0]?.body.blocks)).toContain('error rates are recovering');
  });

  it('checks the person again on submit: a modal submitted by someone not allowed mutes nothing, and is audited', async () => {
    const calls = await callsDuring(() => bot.submitAndSettle(muteView, STRANGER, 'V0MUTE0002', muteValues));

    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect(auditPosts).toEqual([`health.mute on V0MUTE0002 by ${STRANGER}: refused`]);
    const audit = await bot.store.listAudit('health.mute');
    expect(audit.filter((e) => e.result === 'ok')).toHaveLength(1);
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: STRANGER, result: 'refused', target: 'V0MUTE0002' }),
    );
  });

  it('mutes once when Slack delivers the same submission again (same view id)', async () => {
    const calls = await callsDuring(() => bot.submitAndSettle(muteView, ONCALL, 'V0MUTE0001', muteValues));

    expect(calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect(auditPosts).toEqual([]);
    expect((await bot.store.listAudit('health.mute')).filter((e) => e.result === 'ok')).toHaveLength(1);
  });

  it('/aws-health lists open events by account and service, the mutes (Unmute only for allowed people) and one event in full', async () => {
    const answer = async (text: string, userId: string, id: string) => {
      await bot.command('/aws-health', text, { userId, triggerId: id, responseId: id });
      await bot.lambda.settled();
      const call = await bot.slack.waitFor('response_url', 5000, (c) => c.path === `/response/${id}`);
      expect(call.body.response_type).toBe('ephemeral');
      expect(checkSlackLimits(call.body)).toEqual([]);
      return JSON.stringify(call.body.blocks);
    };

    const open = await answer('', STRANGER, 'show-open');
    // The alert and the muted event of the same type (muted events are still known; they are only not posted).
    expect(open).toContain('Open AWS Health events: 2');
    expect(open).toMatch(
      /`222222222222` prod-payments\\n\*EC2\*\\n:red_circle: <https:[^|]+\|Operational issue>/,
    );

    const mutesForOncall = await answer('mutes', ONCALL, 'show-mutes-1');
    expect(mutesForOncall).toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    expect(mutesForOncall).toContain(HEALTH_UNMUTE);
    const mutesForStranger = await answer('mutes', STRANGER, 'show-mutes-2');
    expect(mutesForStranger).toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    expect(mutesForStranger).not.toContain(HEALTH_UNMUTE);

    const id = String((healthFixture('ec2-issue-open').detail as { eventArn: string }).eventArn)
      .split('/')
      .pop();
    const full = await answer(String(id), STRANGER, 'show-event');
    expect(full).toContain('Open: EC2 Operational issue');
    expect(full).not.toContain(HEALTH_MUTE);
  });

  it('lets only an allowed person Unmute, from the announcement; then that event type posts again', async () => {
    const refused = await callsDuring(() => click(HEALTH_UNMUTE, STRANGER, 'unmute-no', alertTs, muteId));
    expect(refused.map((c) => c.method)).toEqual(['response_url']);
    expect(auditPosts).toEqual([`health.unmute on ${muteId} by ${STRANGER}: refused`]);

    const ts = announcementTs;
    const wrongMessage = await callsDuring(() =>
      click(HEALTH_UNMUTE, ADMIN, 'unmute-wrong', alertTs, muteId),
    );
    expect(JSON.stringify(wrongMessage)).toContain('does not belong to this mute');
    const lifted = await callsDuring(() => click(HEALTH_UNMUTE, ADMIN, 'unmute-1', ts, muteId));

    const edit = lifted.find((c) => c.method === 'chat.update') as RecordedCall;
    expect(edit.body.ts).toBe(ts);
    expect(JSON.stringify(edit.body.blocks)).toContain(`unmuted by <@${ADMIN}>`);
    expect(JSON.stringify(edit.body.blocks)).not.toContain(HEALTH_UNMUTE);
    expect((await bot.store.listAudit('health.unmute'))[0]).toMatchObject({ actor: ADMIN, result: 'ok' });
    expect(auditPosts).toEqual([
      `health.unmute on AWS_EC2_OPERATIONAL_ISSUE in prod-payments by ${ADMIN}: ok`,
    ]);

    const again = await callsDuring(() => bot.deliver(anotherEc2Issue(2)));
    expect(again.map((c) => [c.method, c.body.channel])).toEqual([['chat.postMessage', PROD_OPS]]);
  });
});
