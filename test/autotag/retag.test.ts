import { CreateTagsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { AutotagNotice } from '../../src/autotag/notice-record';
import { BotHarness } from '../support/bot-harness';
import {
  AUTOTAG_CONFIG,
  BOT_CONTEXT,
  type FakeEc2,
  fakeEc2,
  freshEvent,
  tagsWritten,
} from '../support/ec2-fake';
import { blockActionBody, viewSubmissionBody } from '../support/slack-payloads';

const FORM = 'application/x-www-form-urlencoded';
const ALICE = 'U0ALICE001'; // the launcher (autotag.people maps IAM user alice to her)
const FINOPS = 'U0FINOPS01'; // autotag.retagAllowed.users
const GROUPIE = 'U0GROUPIE1'; // member of S0CLOUDTM1 (autotag.retagAllowed.userGroups)
const STRANGER = 'U0STRANGE1';
const BOB = 'U0BOB00001';

describe('Retag and "It\'s mine" on an auto-tagging notice, through the real Slack and worker handlers', () => {
  const bot = new BotHarness();
  let handler: typeof import('../../handlers/autotag-event').handler;
  let ec2: FakeEc2;
  let clicks = 0;

  beforeAll(async () => {
    await bot.start({ CHATOPS_CONFIG: AUTOTAG_CONFIG });
    ({ handler } = await import('../../handlers/autotag-event'));
    bot.slack.answers.set('usergroups.users.list', (body) => ({
      ok: true,
      users: body.usergroup === 'S0CLOUDTM1' ? [GROUPIE] : [],
    }));
    bot.slack.answers.set('users.info', (body) => ({
      ok: true,
      user: { id: body.user, profile: { email: `${String(body.user).toLowerCase()}@example.com` } },
    }));
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    ec2 = fakeEc2();
  });

  /** A fresh launch by IAM user alice, announced by the bot; returns its stored notice. */
  async function announcedLaunch(): Promise<AutotagNotice> {
    const event = freshEvent<{ detail: { eventID: string } }>('run-instances-iam-user.json');
    await handler(event, BOT_CONTEXT);
    ec2.resetHistory();
    const record = await bot.store.get<AutotagNotice>(`autotag#notice#${event.detail.eventID}`);
    if (!record?.data.message) throw new Error('the launch was not announced');
    return record.data;
  }

  function click(
    notice: AutotagNotice,
    actionId: string,
    userId: string,
    overrides: { value?: string; ts?: string } = {},
  ) {
    clicks += 1;
    const responseId = `click-${clicks}`;
    const triggerId = `trigger-${clicks}`;
    const body = blockActionBody({
      actionId,
      value: overrides.value ?? notice.noticeId,
      userId,
      channel: notice.message?.channel ?? '',
      ts: overrides.ts ?? notice.message?.ts ?? '',
      triggerId,
      responseUrl: bot.slack.responseUrl(responseId),
    });
    return {
      responseId,
      triggerId,
      send: (retryNum?: number) => bot.post(body, FORM, retryNum ? { retryNum } : {}),
    };
  }

  const answerTo = (responseId: string) =>
    bot.slack.waitFor('response_url', 5000, (call) => call.path.endsWith(`/${responseId}`));

  async function openModal(notice: AutotagNotice, userId: string) {
    const c = click(notice, 'autotag_retag', userId);
    await c.send();
    const opened = await bot.slack.waitFor(
      'views.open',
      5000,
      (call) => call.body.trigger_id === c.triggerId,
    );
    return { ...c, view: opened.body.view as { private_metadata: string } };
  }

  it('refuses a person who is neither the launcher nor allow-listed, says why, and changes nothing', async () => {
    const notice = await announcedLaunch();
    const updates = bot.slack.callsOf('chat.update').length;
    const c = click(notice, 'autotag_retag', STRANGER);

    const response = await c.send();

    expect(response.status).toBe(200);
    const answer = await answerTo(c.responseId);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.replace_original).toBe(false);
    expect(String(answer.body.text)).toMatch(/Only the person who launched them \(alice\).*allow-list/);
    expect(checkSlackLimits(answer.body)).toEqual([]);
    expect(bot.slack.callsOf('views.open').some((call) => call.body.trigger_id === c.triggerId)).toBe(false);
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
    expect(bot.slack.callsOf('chat.update').length).toBe(updates);
    const audit = await bot.store.listAudit('autotag.retag');
    expect(audit.find((a) => a.actor === STRANGER)).toMatchObject({ result: 'refused' });
  });

  it('lets an allow-listed person retag to a Slack user: tags, edits the notice, replies in the thread, audits', async () => {
    const notice = await announcedLaunch();
    const modal = await openModal(notice, FINOPS);
    expect(checkSlackLimits(modal.view, 'modal')).toEqual([]);

    const submit = await bot.post(
      viewSubmissionBody({
        viewId: 'V0RETAG001',
        userId: FINOPS,
        privateMetadata: modal.view.private_metadata,
        ownerUser: BOB,
      }),
      FORM,
    );
    await bot.lambda.settled();

    expect(submit.status).toBe(200);
    const tags = tagsWritten(ec2);
    for (const resource of notice.resources)
      expect(tags.get(resource.id)).toEqual({ Owner: 'u0bob00001@example.com' });
    const edit = await bot.slack.waitFor('chat.update', 5000, (call) => call.body.ts === notice.message?.ts);
    expect(JSON.stringify(edit.body.blocks)).toContain(`<@${BOB}>`);
    expect(checkSlackLimits(edit.body)).toEqual([]);
    const reply = await bot.slack.waitFor(
      'chat.postMessage',
      5000,
      (call) => call.body.thread_ts === notice.message?.ts,
    );
    expect(String(reply.body.text)).toBe(`retagged by <@${FINOPS}>: alice → u0bob00001@example.com`);
    expect(checkSlackLimits(reply.body)).toEqual([]);
    const auditPost = await bot.slack.waitFor(
      'chat.postMessage',
      5000,
      (call) => call.body.channel === 'C0AUDIT001',
    );
    expect(JSON.stringify(auditPost.body.blocks)).toContain(
      'RunInstances in prod-payments (222222222222) · eu-west-1',
    );
    const audit = await bot.store.listAudit('autotag.retag');
    expect(audit.find((a) => a.actor === FINOPS && a.result === 'ok')?.detail).toMatchObject({
      from: 'alice',
      to: 'u0bob00001@example.com',
    });
    const done = await answerTo(modal.responseId);
    expect(done.body.replace_original).toBe(false);
    expect(String(done.body.text)).toContain('Owner of 3 resource(s) is now u0bob00001@example.com');
  });

  it('tags once when Slack retries the same submission', async () => {
    const notice = await announcedLaunch();
    const modal = await openModal(notice, FINOPS);
    const body = viewSubmissionBody({
      viewId: 'V0RETAG002',
      userId: FINOPS,
      privateMetadata: modal.view.private_metadata,
      ownerText: 'team-payments',
    });

    await bot.post(body, FORM);
    await bot.post(body, FORM, { retryNum: 1 });
    await bot.lambda.settled();

    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(1);
    const replies = bot.slack
      .callsOf('chat.postMessage')
      .filter((call) => call.body.thread_ts === notice.message?.ts);
    expect(replies).toHaveLength(1);
  });

  it('lets the launcher confirm with "It\'s mine"; a second click changes nothing', async () => {
    const notice = await announcedLaunch();

    const first = click(notice, 'autotag_mine', ALICE);
    await first.send();
    await bot.lambda.settled();
    const second = click(notice, 'autotag_mine', ALICE);
    await second.send();
    await bot.lambda.settled();

    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(1);
    expect(tagsWritten(ec2).get(notice.resources[0]?.id ?? '')).toEqual({ Owner: 'u0alice001@example.com' });
    const reply = await bot.slack.waitFor(
      'chat.postMessage',
      5000,
      (call) => call.body.thread_ts === notice.message?.ts,
    );
    expect(String(reply.body.text)).toContain(`confirmed by <@${ALICE}>`);
    const answers = bot.slack.calls.filter((call) => call.path.endsWith(`/${second.responseId}`));
    expect(answers.map((call) => String(call.body.text))).toContainEqual(
      expect.stringMatching(/already u0alice001@example.com; nothing was changed/),
    );
  });

  it('runs one job when Slack retries the same "It\'s mine" click', async () => {
    const notice = await announcedLaunch();
    const c = click(notice, 'autotag_mine', ALICE);

    await c.send();
    await c.send(1);
    await bot.lambda.settled();

    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(1);
  });

  it('tells the person to click again when Slack does not open the Retag form', async () => {
    const notice = await announcedLaunch();
    bot.slack.answers.set('views.open', () => ({ ok: false, error: 'expired_trigger_id' }));
    const c = click(notice, 'autotag_retag', FINOPS);

    try {
      await c.send();
      const answer = await answerTo(c.responseId);

      expect(answer.body.response_type).toBe('ephemeral');
      expect(String(answer.body.text)).toMatch(/Click Retag again; nothing was changed/);
    } finally {
      bot.slack.answers.delete('views.open');
    }
  });

  it('audits a retag whose tags were written even when Slack then fails to edit the notice', async () => {
    const notice = await announcedLaunch();
    bot.slack.answers.set('chat.update', () => ({ ok: false, error: 'internal_error' }));
    const c = click(notice, 'autotag_mine', ALICE);

    try {
      await c.send();
      await bot.lambda.settled();
    } finally {
      bot.slack.answers.delete('chat.update');
    }

    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(1);
    const audit = await bot.store.listAudit('autotag.retag');
    expect(
      audit.some((a) => a.actor === ALICE && a.result === 'ok' && a.target.endsWith(notice.noticeId)),
    ).toBe(true);
  });

  it('lets a member of an allow-listed user group open the Retag modal', async () => {
    const notice = await announcedLaunch();

    const modal = await openModal(notice, GROUPIE);

    expect(modal.view.private_metadata).toContain(notice.noticeId);
  });

  it('cleans free text to a valid tag and escapes it in Slack', async () => {
    const notice = await announcedLaunch();
    const modal = await openModal(notice, FINOPS);

    await bot.post(
      viewSubmissionBody({
        viewId: 'V0RETAG003',
        userId: FINOPS,
        privateMetadata: modal.view.private_metadata,
        ownerText: '<!here> team & co',
      }),
      FORM,
    );
    await bot.lambda.settled();

    expect(tagsWritten(ec2).get(notice.resources[0]?.id ?? '')).toEqual({ Owner: '__here_ team _ co' });
    const reply = await bot.slack.waitFor(
      'chat.postMessage',
      5000,
      (call) => call.body.thread_ts === notice.message?.ts,
    );
    expect(JSON.stringify(reply.body)).not.toContain('<!here>');
  });

  it.each([
    ['by someone who may not retag', STRANGER, undefined, /Only the person who launched them/],
    [
      'for a notice the bot never announced',
      FINOPS,
      '0b1a9999-0000-4000-8000-000000009998',
      /no record of announcing/,
    ],
  ])(
    'checks again when the modal is submitted %s: says why and changes nothing',
    async (_label, userId, noticeId, why) => {
      const notice = await announcedLaunch();
      const modal = await openModal(notice, FINOPS);
      const metadata = JSON.parse(modal.view.private_metadata) as Record<string, unknown>;
      const jobsBefore = bot.lambda.invocations.length;

      const response = await bot.post(
        viewSubmissionBody({
          viewId: `V0RECHECK${noticeId ? 'N' : 'U'}`,
          userId,
          privateMetadata: JSON.stringify({ ...metadata, ...(noticeId ? { noticeId } : {}) }),
          ownerText: 'team-mallory',
        }),
        FORM,
      );
      await bot.lambda.settled();

      expect(response.json()).toMatchObject({
        response_action: 'errors',
        errors: { owner_user: expect.stringMatching(why) },
      });
      expect(bot.lambda.invocations.length).toBe(jobsBefore);
      expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
      const audit = await bot.store.listAudit('autotag.retag');
      expect(audit.some((a) => a.actor === userId && a.result === 'refused')).toBe(true);
    },
  );

  it.each([
    ['not JSON', '*bold*'],
    ['JSON of another shape', '[1,2]'],
  ])(
    'answers a submitted Retag form whose metadata is %s with "out of date", and starts nothing',
    async (_label, privateMetadata) => {
      const jobsBefore = bot.lambda.invocations.length;

      const response = await bot.post(
        viewSubmissionBody({ viewId: 'V0FORGED01', userId: FINOPS, privateMetadata, ownerText: 'team-x' }),
        FORM,
      );

      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        response_action: 'errors',
        errors: { owner_user: expect.stringMatching(/out of date/) },
      });
      expect(bot.lambda.invocations.length).toBe(jobsBefore);
    },
  );

  it('refuses "It\'s mine" from someone who did not launch the resources, and changes nothing', async () => {
    const notice = await announcedLaunch();
    const c = click(notice, 'autotag_mine', STRANGER);

    await c.send();
    await bot.lambda.settled();

    const answer = await answerTo(c.responseId);
    expect(String(answer.body.text)).toMatch(/Only the person who launched them \(alice\)/);
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
  });

  it('answers a forged owner text over 1,000 characters in the modal instead of acking a job the worker drops', async () => {
    const notice = await announcedLaunch();
    const modal = await openModal(notice, FINOPS);
    const jobsBefore = bot.lambda.invocations.length;

    const response = await bot.post(
      viewSubmissionBody({
        viewId: 'V0RETAGLONG',
        userId: FINOPS,
        privateMetadata: modal.view.private_metadata,
        ownerText: 'x'.repeat(1001),
      }),
      FORM,
    );
    await bot.lambda.settled();

    expect(response.json()).toMatchObject({
      response_action: 'errors',
      errors: { owner_text: expect.stringMatching(/1000/) },
    });
    expect(bot.lambda.invocations.length).toBe(jobsBefore);
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
  });

  it('asks for an owner when the modal is submitted empty', async () => {
    const notice = await announcedLaunch();
    const modal = await openModal(notice, FINOPS);

    const response = await bot.post(
      viewSubmissionBody({
        viewId: 'V0RETAG004',
        userId: FINOPS,
        privateMetadata: modal.view.private_metadata,
      }),
      FORM,
    );

    expect(response.json()).toMatchObject({
      response_action: 'errors',
      errors: { owner_user: expect.any(String) },
    });
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
  });

  it.each([
    [
      'a notice id the bot never announced',
      { value: '0b1a9999-0000-4000-8000-000000009999' },
      /no record of announcing/,
    ],
    ['a real notice id sent from another message', { ts: '1600000000.000001' }, /does not belong/],
  ])('refuses a click naming %s, even from an admin', async (_label, overrides, reason) => {
    const notice = await announcedLaunch();
    const c = click(notice, 'autotag_retag', 'U0ADMIN001', overrides);

    await c.send();

    const answer = await answerTo(c.responseId);
    expect(String(answer.body.text)).toMatch(reason);
    expect(bot.slack.callsOf('views.open').some((call) => call.body.trigger_id === c.triggerId)).toBe(false);
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
  });
});
