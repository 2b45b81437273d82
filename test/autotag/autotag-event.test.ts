import { CreateTagsCommand, DescribeInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { EVENT_CLAIM_SECONDS, eventClaimKey } from '../../src/autotag/handle-create-event';
import { noticeKey } from '../../src/autotag/notice-record';
import { isValidTagValue } from '../../src/autotag/tag-values';
import { readHomeItems } from '../../src/store/home-items';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { BotHarness } from '../support/bot-harness';
import {
  AUTOTAG_CONFIG,
  BOT_CONTEXT,
  eniOf,
  type FakeEc2,
  fakeEc2,
  fixture,
  freshEvent,
  tagsWritten,
  volumeOf,
} from '../support/ec2-fake';

const noticePk = (event: { detail: { eventID: string } }) => `autotag#notice#${event.detail.eventID}`;

type Handler = typeof import('../../handlers/autotag-event').handler;

describe('autotag-event handler: CloudTrail create calls → tags and a Slack notice', () => {
  const bot = new BotHarness();
  let handler: Handler;
  let ec2: FakeEc2;

  beforeAll(async () => {
    await bot.start({ CHATOPS_CONFIG: AUTOTAG_CONFIG });
    ({ handler } = await import('../../handlers/autotag-event'));
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    ec2 = fakeEc2({ instanceTags: { Name: 'web-1' } });
    bot.slack.answers.set('users.lookupByEmail', (body) =>
      body.email === 'carol@example.com'
        ? { ok: true, user: { id: 'U0CAROL001' } }
        : { ok: false, error: 'users_not_found' },
    );
  });

  it.each([
    ['run-instances-iam-user.json', 'alice', 'alice', 'arn:aws:iam::222222222222:user/ops/alice'],
    [
      'run-instances-sso.json',
      'alice@example.com via SSO AdministratorAccess',
      'alice@example.com',
      'arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com',
    ],
    [
      'run-instances-assumed-role.json',
      'github-actions-4711 via role ci-deployer',
      'github-actions-4711',
      'arn:aws:sts::222222222222:assumed-role/ci-deployer/github-actions-4711',
    ],
    ['run-instances-root.json', 'root user of 222222222222', 'root', 'arn:aws:iam::222222222222:root'],
    [
      'run-instances-federated-user.json',
      'bob federated via IAM user broker',
      'bob',
      'arn:aws:sts::222222222222:federated-user/bob',
    ],
    [
      'run-instances-identity-center-user.json',
      '94482488-3041-7026-18f3-be45837cd0e4 via Identity Center',
      '94482488-3041-7026-18f3-be45837cd0e4',
      'arn:aws:identitystore::111111111111:identitystore/d-9067642ac7/user/94482488-3041-7026-18f3-be45837cd0e4',
    ],
    [
      'run-instances-autoscaling.json',
      'Auto Scaling group web-asg',
      'Auto Scaling group web-asg',
      'arn:aws:sts::222222222222:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling',
    ],
    ['run-instances-aws-service.json', 'EC2 Fleet', 'EC2 Fleet', 'ec2fleet.amazonaws.com'],
    [
      'run-instances-service-catalog.json',
      'carol@example.com via SSO Developer via Service Catalog',
      'carol@example.com',
      'arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Developer_fedcba9876543210/carol@example.com',
    ],
  ])('%s: the instance, its volume and ENI carry the readable creator', async (name, creator, owner, arn) => {
    const event = freshEvent<{
      detail: { responseElements: { instancesSet: { items: { instanceId: string }[] } } };
    }>(name);
    const instanceId = event.detail.responseElements.instancesSet.items[0]?.instanceId ?? '';

    await handler(event, BOT_CONTEXT);

    const tags = tagsWritten(ec2);
    for (const id of [instanceId, volumeOf(instanceId), eniOf(instanceId)]) {
      expect(tags.get(id)).toMatchObject({
        CreatedBy: creator,
        CreatedByArn: arn,
        CreatedAt: '2026-03-02T09:15:27Z',
        Owner: owner,
      });
    }
    expect(tags.get(volumeOf(instanceId))?.InstanceId).toBe(instanceId);
    expect(tags.get(eniOf(instanceId))?.InstanceId).toBe(instanceId);
    expect(tags.get(instanceId)?.InstanceId).toBeUndefined();
  });

  it('tags a member account through the tagging role, in the region of the event', async () => {
    const assumedBefore = bot.sts.assumed.length;

    await handler(freshEvent('run-instances-multi.json'), BOT_CONTEXT);

    const call = ec2.commandCalls(CreateTagsCommand)[0];
    const client = call?.thisValue as EC2Client;
    expect(await client.config.region()).toBe('us-west-2');
    expect((await client.config.credentials()).accessKeyId).toBe('ASIA333333333333');
    expect(bot.sts.assumed.slice(assumedBefore)).toEqual([
      'arn:aws:iam::333333333333:role/aws-chatops-tagger',
    ]);
  });

  it("tags the bot's own account with its own credentials (no AssumeRole)", async () => {
    const assumedBefore = bot.sts.assumed.length;

    await handler(freshEvent('run-instances-own-account.json'), BOT_CONTEXT);

    expect(tagsWritten(ec2).get('i-0c00000000000001')?.CreatedBy).toBe('erin');
    expect(bot.sts.assumed.length).toBe(assumedBefore);
  });

  it('tags every instance of a multi-instance launch with its volumes and ENIs, in one notice', async () => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-multi.json'), BOT_CONTEXT);

    const tags = tagsWritten(ec2);
    const instances = ['i-0b00000000000001', 'i-0b00000000000002', 'i-0b00000000000003'];
    for (const id of instances.flatMap((i) => [i, volumeOf(i), eniOf(i)])) {
      expect(tags.get(id)?.CreatedBy).toBe('dave@example.com via SSO PowerUserAccess');
    }
    const notices = bot.slack.callsOf('chat.postMessage').slice(posted);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.channel).toBe('C0STAGING1');
    expect(String(notices[0]?.body.text)).toContain('3 instances');
    expect(checkSlackLimits(notices[0]?.body)).toEqual([]);
  });

  it('announces a launch of 3,000 instances in one notice that fits a DynamoDB item, saying what it does not list', async () => {
    const event = freshEvent<{
      detail: { responseElements: { instancesSet: { items: Record<string, unknown>[] } } };
    }>('run-instances-multi.json');
    const [template] = event.detail.responseElements.instancesSet.items;
    event.detail.responseElements.instancesSet.items = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      instanceId: `i-0c${String(i).padStart(14, '0')}`,
    }));
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(event, BOT_CONTEXT);

    expect(outcome).toMatchObject({ notice: 'posted' });
    expect(tagsWritten(ec2).get('i-0c00000000002999')?.CreatedBy).toBe(
      'dave@example.com via SSO PowerUserAccess',
    );
    const notice = bot.slack.callsOf('chat.postMessage')[posted]?.body ?? {};
    expect(checkSlackLimits(notice)).toEqual([]);
    expect(JSON.stringify(notice.blocks)).toMatch(/not listed/);
  }, 60_000);

  it('announces an image whose id in the response is 600,000 characters of emoji, within a DynamoDB item', async () => {
    const event = freshEvent<{ detail: { responseElements: { imageId: string } } }>('create-image.json');
    // Emoji are two UTF-16 units: a cut between them leaves a lone surrogate, which breaks the console link's URL.
    event.detail.responseElements.imageId = `ami-${'🦆'.repeat(300_000)}`;
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(event, BOT_CONTEXT);

    expect(outcome).toMatchObject({ notice: 'posted' });
    expect(checkSlackLimits(bot.slack.callsOf('chat.postMessage')[posted]?.body ?? {})).toEqual([]);
  }, 60_000);

  it('skips a failed call (errorCode) without any AWS or Slack call', async () => {
    const slackBefore = bot.slack.calls.length;

    const outcome = await handler(freshEvent('run-instances-error.json'), BOT_CONTEXT);

    expect(outcome).toMatchObject({ status: 'skipped' });
    expect(ec2.calls()).toHaveLength(0);
    expect(bot.slack.calls.length).toBe(slackBefore);
  });

  it('keeps a malformed event for replay and makes no call', async () => {
    const outcome = await handler(fixture('malformed-no-event-id.json'), BOT_CONTEXT);

    expect(outcome).toBeUndefined();
    expect(ec2.calls()).toHaveLength(0);
    const kept = await bot.store.query<{ eventId: string }>('quarantine#autotagEvent');
    expect(kept.map((r) => r.data.eventId)).toContain('eb-malformed-1');
  });

  it('keeps an event whose eventTime is not a time for replay, instead of failing after tagging', async () => {
    const event = freshEvent<{ id: string; detail: { eventTime: string } }>('run-instances-root.json');
    event.id = `${event.id}-bad-time`;
    event.detail.eventTime = 'yesterday';

    const outcome = await handler(event, BOT_CONTEXT);

    expect(outcome).toBeUndefined();
    expect(ec2.calls()).toHaveLength(0);
    const kept = await bot.store.query<{ eventId: string }>('quarantine#autotagEvent');
    expect(kept.map((r) => r.data.eventId)).toContain(event.id);
  });

  it('turns a 300-character user name with mrkdwn injection into a valid tag and an escaped notice', async () => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-long-name.json'), BOT_CONTEXT);

    const creator = tagsWritten(ec2).get('i-0a0000000000000c')?.CreatedBy ?? '';
    expect(isValidTagValue(creator)).toBe(true);
    expect(Array.from(creator).length).toBeLessThanOrEqual(256);
    expect(creator.endsWith('...')).toBe(true);
    const notice = bot.slack.callsOf('chat.postMessage')[posted]?.body ?? {};
    const rendered = JSON.stringify(notice);
    expect(rendered).not.toContain('<!channel>');
    expect(rendered).not.toContain('<https://evil');
    expect(rendered).toContain('&lt;!channel&gt;');
    expect(checkSlackLimits(notice)).toEqual([]);
  });

  it('gives a notice for a 2,010-character eventID buttons whose value finds the notice again', async () => {
    const event = freshEvent<{ detail: { eventID: string } }>('run-instances-iam-user.json');
    event.detail.eventID = `e${'x'.repeat(2009)}`;
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(event, BOT_CONTEXT);

    const notice = bot.slack.callsOf('chat.postMessage')[posted]?.body ?? {};
    expect(checkSlackLimits(notice)).toEqual([]);
    const values = JSON.stringify(notice.blocks).match(/"value":"[^"]*"/g) ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const quoted of values) {
      const noticeId = quoted.slice('"value":"'.length, -1);
      expect(noticeId.length).toBeLessThanOrEqual(100);
      expect(await bot.store.get(noticeKey(noticeId).pk, '#')).toBeDefined();
    }
  });

  it('retries DescribeInstances on InvalidInstanceID.NotFound and then tags', async () => {
    ec2 = fakeEc2({ notFoundTimes: 2 });

    await handler(freshEvent('run-instances-root.json'), BOT_CONTEXT);

    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(3);
    expect(tagsWritten(ec2).get('i-0a00000000000004')?.CreatedBy).toBe('root user of 222222222222');
  });

  it('says in the notice when EC2 never finds the instance, instead of retrying forever', async () => {
    ec2 = fakeEc2({ notFoundTimes: 99 });
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-federated-user.json'), BOT_CONTEXT);

    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
    const notice = bot.slack.callsOf('chat.postMessage')[posted]?.body;
    expect(JSON.stringify(notice)).toContain('InvalidInstanceID.NotFound');
  });

  it('names the Service Catalog provisioner from the event alone when EC2 never finds the instance', async () => {
    ec2 = fakeEc2({ notFoundTimes: 99 });
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-service-catalog.json'), BOT_CONTEXT);

    const notice = JSON.stringify(bot.slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain('carol@example.com via SSO Developer via Service Catalog');
    expect(notice).toContain('<@U0CAROL001>');
    expect(notice).toContain('InvalidInstanceID.NotFound');
  });

  it('keeps an existing Owner tag and shows it as the owner', async () => {
    ec2 = fakeEc2({ existing: { 'i-0a00000000000003': { Owner: 'team-payments' } } });
    const event = freshEvent<{ detail: { eventID: string } }>('run-instances-assumed-role.json');

    await handler(event, BOT_CONTEXT);

    const tags = tagsWritten(ec2);
    expect(tags.get('i-0a00000000000003')?.Owner).toBeUndefined();
    expect(tags.get('i-0a00000000000003')?.CreatedBy).toBe('github-actions-4711 via role ci-deployer');
    const record = (
      await bot.store.query<{ owner: { value: string }; ownerKept: boolean }>(noticePk(event))
    )[0];
    expect(record?.data.owner.value).toBe('team-payments');
    expect(record?.data.ownerKept).toBe(true);
  });

  it('announces a launch once when EventBridge delivers it twice', async () => {
    const event = fixture('run-instances-sso.json');
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(event, BOT_CONTEXT);
    const second = await handler(event, BOT_CONTEXT);

    expect(second).toMatchObject({ status: 'duplicate' });
    const notices = bot.slack
      .callsOf('chat.postMessage')
      .slice(posted)
      .filter((call) => String(call.body.text).includes('i-0a00000000000002'));
    expect(notices).toHaveLength(1);
  });

  it('does the work when Lambda retries an event whose first run died (timed out) holding the claim', async () => {
    const event = freshEvent<{ detail: { eventID: string } }>('run-instances-root.json');
    const twoMinutesAgo = () => new Date(Date.now() - 2 * 60_000);
    const deadRun = new StateStore(
      documentClient(bot.dynamo.client),
      process.env.STATE_TABLE ?? '',
      twoMinutesAgo,
    );
    await deadRun.claim(eventClaimKey(event.detail.eventID), EVENT_CLAIM_SECONDS);

    const outcome = await handler(event, BOT_CONTEXT);

    expect(outcome).toMatchObject({ status: 'tagged', notice: 'posted' });
    expect(tagsWritten(ec2).get('i-0a00000000000004')?.CreatedBy).toBe('root user of 222222222222');
  });

  it('mentions the launcher found by e-mail and does not announce Auto Scaling launches', async () => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-service-catalog.json'), BOT_CONTEXT);
    await handler(freshEvent('run-instances-autoscaling.json'), BOT_CONTEXT);

    const notices = bot.slack.callsOf('chat.postMessage').slice(posted);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body.blocks)).toContain('<@U0CAROL001>');
  });

  it('records the posted notice for the launcher’s Home ("Your launches"), linked to the notice', async () => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    await handler(freshEvent('run-instances-service-catalog.json'), BOT_CONTEXT);

    const notice = bot.slack.callsOf('chat.postMessage')[posted];
    const launches = (await readHomeItems(bot.store)).items.filter(
      (item) => item.kind === 'launch' && item.fields.notice?.ts === notice?.ts,
    );
    expect(launches).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ id: '222222222222' }),
        fields: expect.objectContaining({
          launcherUserId: 'U0CAROL001',
          resources: expect.stringMatching(/^i-0a/),
        }),
      }),
    ]);
  });

  it.each([
    ['run-instances-iam-user-forged-service-tag.json', 'i-0a0000000000000e', 'alice'],
    [
      'run-instances-assumed-role-forged-service-tag.json',
      'i-0a0000000000000f',
      'alice@example.com via SSO AdministratorAccess',
    ],
  ])('%s: a person who sets eks:nodegroup-name is still named and announced', async (name, id, creator) => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(freshEvent(name), BOT_CONTEXT);

    expect(tagsWritten(ec2).get(id)).toMatchObject({ CreatedBy: creator });
    expect(tagsWritten(ec2).get(id)?.Owner).not.toContain('not-me');
    expect(outcome).toMatchObject({ notice: 'posted' });
    const notice = JSON.stringify(bot.slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain(creator);
    expect(notice).not.toContain('EKS node group');
  });

  it('names the EKS node group when Auto Scaling launched the node, and does not announce it', async () => {
    const posted = bot.slack.callsOf('chat.postMessage').length;

    const outcome = await handler(freshEvent('run-instances-eks-node-group.json'), BOT_CONTEXT);

    expect(tagsWritten(ec2).get('i-0a00000000000010')).toMatchObject({
      CreatedBy: 'EKS node group workers',
      Owner: 'EKS node group workers',
    });
    expect(outcome).toMatchObject({ notice: 'none' });
    expect(bot.slack.callsOf('chat.postMessage').length).toBe(posted);
  });

  it.each([
    ['create-volume.json', 'vol-0d00000000000001'],
    ['create-snapshot.json', 'snap-0d00000000000001'],
    ['create-image.json', 'ami-0d00000000000001'],
    ['create-security-group.json', 'sg-0d00000000000001'],
    ['allocate-address.json', 'eipalloc-0d00000000000001'],
  ])('%s: tags what the call created', async (name, id) => {
    await handler(freshEvent(name), BOT_CONTEXT);

    expect(tagsWritten(ec2).get(id)).toMatchObject({ CreatedBy: 'alice', Owner: 'alice' });
  });
});
