import { DescribeAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { AIRTABLE_TABLE, HealthHarness, healthFixture } from '../support/health-harness';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';
import type { RecordedCall } from '../support/slack-stand-in';

const organizations = mockClient(OrganizationsClient);
organizations
  .on(DescribeAccountCommand, { AccountId: '444444444444' })
  .resolves({ Account: { Name: 'data-lake' } });
const sqs = mockClient(SQSClient);
sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });

const arnOf = (fixture: string) => (healthFixture(fixture).detail as { eventArn: string }).eventArn;
const rowsOf = (bot: HealthHarness, fixture: string) =>
  bot.airtable.rows(AIRTABLE_TABLE).filter((row) => row.EventArn === arnOf(fixture));

describe('Health events through handlers/health-event (dynalite, Slack and Airtable stand-ins)', () => {
  const bot = new HealthHarness();
  beforeAll(() =>
    bot.start({ FAILED_EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/999999999999/failed' }),
  );
  afterAll(() => bot.stop());

  /** Slack calls made while `act` runs. */
  async function slackCallsDuring(act: () => Promise<unknown>): Promise<RecordedCall[]> {
    const before = bot.slack.calls.length;
    await act();
    return bot.slack.calls.slice(before);
  }

  function expectSafe(call: RecordedCall): void {
    expect(checkSlackLimits(call.body)).toEqual([]);
    expect(unsafeMrkdwn(call.body)).toEqual([]);
  }

  it('posts the bilingual CloudFormation notice once to the default channel and writes its Airtable row', async () => {
    const calls = await slackCallsDuring(() => bot.deliver('cloudformation-notification-ap-northeast-2'));

    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    const [post] = calls as [RecordedCall];
    expect(post.body.channel).toBe('C0ALERTS01');
    expectSafe(post);
    const detail = healthFixture('cloudformation-notification-ap-northeast-2').detail as {
      eventArn: string;
      eventDescription: { latestDescription: string }[];
    };
    const description = detail.eventDescription[0]?.latestDescription ?? '';
    const blocks = post.body.blocks as {
      type: string;
      text?: { text: string };
      fields?: { text: string }[];
    }[];
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(blocks[0]?.text?.text).toBe(':large_blue_circle: Open: CLOUDFORMATION Operational notification');
    expect(blocks[1]?.fields?.map((f) => f.text)).toEqual([
      '*Status*\nOpen',
      '*Category*\nAccount notification',
      '*Region*\nap-northeast-2',
      '*Account*\n`222222222222` prod-payments',
      '*Start*\n<!date^1667374200^{date_short_pretty} {time}|2022-11-02 07:30 UTC>',
      '*End*\nnot announced',
      '*Event type*\n`AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION`',
    ]);
    expect(blocks[2]?.text?.text).toBe(
      description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(blocks[3]?.text?.text).toBe('*Affected resources (1)*\n• `222222222222`');
    expect(JSON.stringify(blocks[4])).toContain(
      `https://health.aws.amazon.com/health/home#/account/event-log?eventID=${encodeURIComponent(detail.eventArn)}&eventTab=details`,
    );
    expect(post.body.text).toMatch(
      /^\[Open\] AWS Health: CLOUDFORMATION Operational notification in ap-northeast-2, account 222222222222 \(prod-payments\): 영문 버전은/,
    );
    const [row, ...others] = rowsOf(bot, 'cloudformation-notification-ap-northeast-2');
    expect(others).toEqual([]);
    expect(row).toEqual({
      id: expect.stringMatching(/^rec/),
      Name: 'AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION',
      Account: '222222222222',
      Service: 'CLOUDFORMATION',
      eventTypeCategory: 'accountNotification',
      description,
      startTime: '2022-11-02T07:30:00.000Z',
      endTime: null,
      affectedEntities: '222222222222',
      EventArn: detail.eventArn,
      Region: 'ap-northeast-2',
      Status: 'open',
      LastUpdated: '2022-11-02T07:30:00.000Z',
      Slack: expect.stringMatching(/^https:\/\/slack\.com\/archives\/C0ALERTS01\/p1700000000\d{6}$/),
    });
  });

  it('changes nothing when the same delivery arrives again', async () => {
    const airtableBefore = bot.airtable.calls.length;

    const calls = await slackCallsDuring(() => bot.deliver('cloudformation-notification-ap-northeast-2'));

    expect(calls).toEqual([]);
    expect(bot.airtable.calls.length).toBe(airtableBefore);
  });

  it('edits the issue in place and threads each change; a repeated update adds nothing; closing resolves', async () => {
    const opened = await slackCallsDuring(() => bot.deliver('ec2-issue-open'));
    expect(opened.map((c) => c.method)).toEqual(['chat.postMessage']);
    const post = opened[0] as RecordedCall;
    expect(post.body.channel).toBe('C0PRODOPS1');
    expect(JSON.stringify(post.body.blocks)).toContain('Open: EC2 Operational issue');

    const updated = await slackCallsDuring(() => bot.deliver('ec2-issue-update'));
    expect(updated.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    const [edit, reply] = updated as [RecordedCall, RecordedCall];
    expect(edit.body.channel).toBe('C0PRODOPS1');
    expect(edit.body.ts).toMatch(/^\d+\.\d+$/);
    expect(reply.body.thread_ts).toBe(edit.body.ts);
    expect(JSON.stringify(reply.body.blocks)).toMatch(/Description updated/);
    expect(JSON.stringify(reply.body.blocks)).toMatch(/2 new affected resources/);
    expect(JSON.stringify(reply.body.blocks)).toContain('vol-0f9e8d7c6b5a40001');
    for (const call of updated) expectSafe(call);

    expect(await slackCallsDuring(() => bot.deliver('ec2-issue-update'))).toEqual([]);

    const closed = await slackCallsDuring(() => bot.deliver('ec2-issue-closed'));
    expect(closed.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    const [closedEdit, closedReply] = closed as [RecordedCall, RecordedCall];
    expect(JSON.stringify(closedEdit.body.blocks)).toContain(
      ':white_check_mark: Resolved: EC2 Operational issue',
    );
    expect(JSON.stringify(closedReply.body.blocks)).toMatch(/Resolved\* \(was open\)/);
    expect(JSON.stringify(closedReply.body.blocks)).toMatch(/\*End\* <!date\^/);
    expect(JSON.stringify(closedReply.body.blocks)).toContain('5 resources recovered');
    expect(JSON.stringify(closedEdit.body.blocks)).toContain('*Affected resources (5)*\\n…and 5 resolved');
    for (const call of closed) expectSafe(call);

    const closedDetail = healthFixture('ec2-issue-closed').detail as {
      eventArn: string;
      eventDescription: { latestDescription: string }[];
    };
    expect(rowsOf(bot, 'ec2-issue-open')).toEqual([
      {
        id: expect.stringMatching(/^rec/),
        Name: 'AWS_EC2_OPERATIONAL_ISSUE',
        Account: '222222222222',
        Service: 'EC2',
        eventTypeCategory: 'issue',
        description: closedDetail.eventDescription[0]?.latestDescription,
        startTime: '2024-05-14T08:41:00.000Z',
        endTime: '2024-05-14T11:05:00.000Z',
        affectedEntities:
          'i-0a1b2c3d4e5f60001, i-0a1b2c3d4e5f60002, i-0a1b2c3d4e5f60003, i-0a1b2c3d4e5f60004, vol-0f9e8d7c6b5a40001',
        EventArn: closedDetail.eventArn,
        Region: 'eu-west-1',
        Status: 'closed',
        LastUpdated: '2024-05-14T11:20:00.000Z',
        Slack: `https://slack.com/archives/C0PRODOPS1/p${String(edit.body.ts).replace('.', '')}`,
      },
    ]);
  });

  it('does not reopen a closed event when an older update is delivered late', async () => {
    const calls = await slackCallsDuring(() => bot.deliver('ec2-issue-open'));

    expect(calls).toEqual([]);
    expect(rowsOf(bot, 'ec2-issue-open')[0]?.Status).toBe('closed');
  });

  it('shows a scheduled change as upcoming in the maintenance channel', async () => {
    const calls = await slackCallsDuring(() => bot.deliver('rds-scheduled-change'));

    expect(calls.map((c) => [c.method, c.body.channel])).toEqual([['chat.postMessage', 'C0MAINT001']]);
    expectSafe(calls[0] as RecordedCall);
    const json = JSON.stringify((calls[0] as RecordedCall).body.blocks);
    expect(json).toContain(':calendar: Upcoming: RDS Maintenance scheduled');
    expect(json).toContain('staging-orders-db');
    expect(rowsOf(bot, 'rds-scheduled-change')[0]).toMatchObject({
      Status: 'upcoming',
      Account: '333333333333',
    });
  });

  it('merges the pages of a paged event into one message, edited without a thread reply', async () => {
    const first = await slackCallsDuring(() => bot.deliver('paged-page-1-of-2'));
    expect(first.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(JSON.stringify((first[0] as RecordedCall).body.blocks)).toMatch(/waiting for page\(s\) 2/);

    const second = await slackCallsDuring(() => bot.deliver('paged-page-2-of-2'));

    expect(second.map((c) => c.method)).toEqual(['chat.update']);
    const edit = second[0] as RecordedCall;
    expectSafe(edit);
    const json = JSON.stringify(edit.body.blocks);
    expect(json).toContain('Affected resources (180)');
    expect(json).toContain('…and 165 more resources');
    expect(json).not.toMatch(/waiting for page/);
    const [row] = rowsOf(bot, 'paged-page-1-of-2');
    expect(String(row?.affectedEntities)).toContain('i-0retire00000000180');
  });

  it('posts an organisation-wide event once per channel, listing the accounts routed there', async () => {
    const calls = await slackCallsDuring(() =>
      Promise.all(
        ['org-view-prod-payments', 'org-view-staging', 'org-view-unlisted-account'].map((f) =>
          bot.deliver(f),
        ),
      ),
    );

    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => c.body.channel).sort()).toEqual(['C0ALERTS01', 'C0PRODOPS1']);
    expect(posts.every((c) => c.body.thread_ts === undefined)).toBe(true);
    const alerts = calls.filter((c) => c.body.channel === 'C0ALERTS01');
    const last = alerts[alerts.length - 1] as RecordedCall;
    expectSafe(last);
    const json = JSON.stringify(last.body.blocks);
    expect(json).toContain('Affected accounts (2)');
    expect(json).toContain('staging');
    expect(json).toContain('data-lake');
    expect(json).not.toContain('prod-payments');
    expect(JSON.stringify(last.body.blocks)).toContain('organization/dashboard/eventlog');
    const prodOps = calls.filter((c) => c.body.channel === 'C0PRODOPS1');
    const prodJson = JSON.stringify((prodOps[prodOps.length - 1] as RecordedCall).body.blocks);
    expect(prodJson).toContain('*Account*\\n`222222222222` prod-payments');
    expect(prodJson).not.toContain('333333333333');
    const rows = rowsOf(bot, 'org-view-staging');
    expect(
      rows
        .map((r) => [r.Account, r.affectedEntities, r.Status])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['222222222222', 'arn:aws:lambda:us-east-1:222222222222:function:checkout-api', 'open'],
      [
        '333333333333',
        'arn:aws:lambda:us-east-1:333333333333:function:orders-worker, arn:aws:lambda:us-east-1:333333333333:function:orders-api',
        'open',
      ],
      ['444444444444', 'arn:aws:lambda:us-east-1:444444444444:function:data-export', 'open'],
    ]);
    expect(rows.find((r) => r.Account === '222222222222')?.Slack).toMatch(/\/archives\/C0PRODOPS1\//);
    expect(rows.find((r) => r.Account === '444444444444')?.Slack).toMatch(/\/archives\/C0ALERTS01\//);
  });

  it('escapes mentions and links that came in the event text', async () => {
    const calls = await slackCallsDuring(() => bot.deliver('hostile-text'));

    const post = calls[0] as RecordedCall;
    expectSafe(post);
    expect(JSON.stringify(post.body)).toContain('&lt;!channel&gt;');
  });

  it('quarantines a malformed event, sends it to the failure queue, and neither throws nor posts', async () => {
    const calls = await slackCallsDuring(() => bot.deliver('malformed-missing-arn'));

    expect(calls).toEqual([]);
    const kept = await bot.store.query<{ eventId: string; problems: string[] }>('quarantine#healthEvent');
    expect(kept.map((r) => r.data.eventId)).toContain('f6666666-0000-4000-8000-000000000001');
    expect(kept[0]?.data.problems.join('\n')).toMatch(/detail\.eventArn/);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  it('quarantines an event whose ARN is too long for the state table instead of failing after posting', async () => {
    const event = healthFixture('ec2-issue-open');
    const longArn = {
      ...event,
      id: 'f6666666-0000-4000-8000-0000000long1',
      detail: { ...(event.detail as object), eventArn: `${arnOf('ec2-issue-open')}-${'x'.repeat(1100)}` },
    };

    const calls = await slackCallsDuring(() => bot.deliver(longArn));

    expect(calls).toEqual([]);
    const kept = await bot.store.query<{ eventId: string; problems: string[] }>('quarantine#healthEvent');
    const entry = kept.find((r) => r.data.eventId === 'f6666666-0000-4000-8000-0000000long1');
    expect(entry?.data.problems.join('\n')).toMatch(/detail\.eventArn/);
  });

  it('still alerts Slack during an Airtable outage and writes the row on the scheduled retry', async () => {
    bot.airtable.failWith = () => 503;
    const event = healthFixture('rds-scheduled-change');
    const outage = {
      ...event,
      id: 'b2222222-0000-4000-8000-00000000outage',
      detail: { ...(event.detail as object), eventArn: `${arnOf('rds-scheduled-change')}-outage` },
    };

    const calls = await slackCallsDuring(() => bot.deliver(outage));

    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    const failed = bot.airtable.calls.filter((c) => c.status === 503);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(3);
    const pending = await bot.store.query<{ attempts: number; lastError: string }>('airtable-outbox');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.data.lastError).toMatch(/503|unavailable|failed/i);

    bot.airtable.failWith = undefined;
    await bot.retryAirtable();

    expect(await bot.store.query('airtable-outbox')).toEqual([]);
    expect(
      bot.airtable.rows(AIRTABLE_TABLE).some((r) => r.EventArn === `${arnOf('rds-scheduled-change')}-outage`),
    ).toBe(true);
  });

  it('leaves the Airtable row for the scheduled retry when a request could outlast the invocation', async () => {
    const event = healthFixture('rds-scheduled-change');
    const late = {
      ...event,
      id: 'b2222222-0000-4000-8000-0000000late1',
      detail: { ...(event.detail as object), eventArn: `${arnOf('rds-scheduled-change')}-late` },
    };
    const airtableBefore = bot.airtable.calls.length;

    // 18 s left: 10 s are kept back, and an Airtable request may take 10 s before it times out.
    const calls = await slackCallsDuring(() => bot.deliver(late, 18_000));

    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(bot.airtable.calls.length).toBe(airtableBefore);
    const pending = await bot.store.query<{ fields: { EventArn: string } }>('airtable-outbox');
    expect(pending.map((p) => p.data.fields.EventArn)).toEqual([`${arnOf('rds-scheduled-change')}-late`]);

    await bot.retryAirtable();

    expect(await bot.store.query('airtable-outbox')).toEqual([]);
  });

  it('never sends Airtable more than 10 records a request', () => {
    expect(Math.max(...bot.airtable.calls.map((c) => c.body.records?.length ?? 0))).toBeLessThanOrEqual(10);
  });
});
