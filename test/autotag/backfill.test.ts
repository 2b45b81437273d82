import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateTagsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  type ErrorCode,
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackfillArgs } from '../../src/autotag/backfill-job';
import { type BackfillItem, type BackfillPlan, backfillKey } from '../../src/autotag/backfill-plan';
import { type BackfillJobDeps, runAutotagBackfillScan } from '../../src/autotag/run-backfill-scan';
import { runAutotagBackfillTag } from '../../src/autotag/run-backfill-tag';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const CONFIG = parseConfig(
  [
    'accounts:',
    '  - { id: "222222222222", name: prod-payments, regions: [us-east-1] }',
    'roles: { autotag: aws-chatops-tagger }',
    'slack: { defaultChannel: C0ALERTS01 }',
  ].join('\n'),
  'test',
);
const record = (name: string) =>
  JSON.stringify(
    (JSON.parse(readFileSync(resolve('test/fixtures/autotag/services', name), 'utf8')) as { detail: unknown })
      .detail,
  );
/** Clients the mocks answer for, and the scan's clock. */
const SAME_CLIENTS = {
  clients: {
    cloudTrail: () => new CloudTrailClient({ region: 'us-east-1' }),
    taggingApi: () => new ResourceGroupsTaggingAPIClient({ region: 'us-east-1' }),
    ec2: () => new EC2Client({ region: 'us-east-1' }),
  },
  botRegion: 'us-east-1',
  now: () => new Date('2026-03-10T00:00:00Z'),
};
/** The scan's deps for CONFIG with a LookupEvents pace that never waits. */
const scanDeps = (store: StateStore, extra: Partial<BackfillJobDeps> = {}): BackfillJobDeps => ({
  config: CONFIG,
  accounts: new AccountDirectory(CONFIG),
  store,
  ...SAME_CLIENTS,
  lookupPacing: { nowMs: () => 0, sleep: async () => undefined },
  ...extra,
});
const REPLY = { responseUrl: 'https://hooks.slack.com/x', userId: 'U0ADMIN001', channelId: 'C1' };

describe('/aws-tag backfill', () => {
  let store: StateStore;
  useLocalStateStore('aws-chatops-backfill', (local) => {
    store = local;
  });
  const cloudTrail = mockClient(CloudTrailClient);
  const tagging = mockClient(ResourceGroupsTaggingAPIClient);
  const ec2 = mockClient(EC2Client);
  /** CloudTrail answers `records` for one call name and nothing else; nothing carries tags yet. */
  const onlyCalls = (eventName: string, records: string[]) => {
    cloudTrail
      .on(LookupEventsCommand)
      .callsFake(async (input: { LookupAttributes: { AttributeValue: string }[] }) =>
        input.LookupAttributes[0]?.AttributeValue === eventName
          ? { Events: records.map((CloudTrailEvent) => ({ CloudTrailEvent })) }
          : { Events: [] },
      );
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
  };
  afterEach(() => {
    cloudTrail.reset();
    tagging.reset();
    ec2.reset();
  });

  it('reads a window of at most 90 days, an account and a region', () => {
    const accounts = new AccountDirectory(CONFIG);
    expect(
      parseBackfillArgs(['backfill', '30d', 'account=prod-payments', 'region=eu-west-1'], accounts),
    ).toEqual({
      ok: true,
      windowDays: 30,
      account: { id: '222222222222', name: 'prod-payments' },
      region: 'eu-west-1',
    });
    expect(parseBackfillArgs(['backfill', '13w'], accounts)).toMatchObject({ ok: false });
    expect(parseBackfillArgs(['purge'], accounts)).toMatchObject({ ok: false });
  });

  it('reads the accounts and regions side by side, not one after another', async () => {
    const config = parseConfig(
      [
        'accounts:',
        '  - { id: "222222222222", name: prod-payments, regions: [us-east-1, eu-west-1, ap-southeast-2] }',
        '  - { id: "333333333333", name: media, regions: [us-east-1] }',
        'roles: { autotag: aws-chatops-tagger }',
        'slack: { defaultChannel: C0ALERTS01 }',
      ].join('\n'),
      'test',
    );
    let inFlight = 0;
    let most = 0;
    cloudTrail.on(LookupEventsCommand).callsFake(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((done) => setTimeout(done, 1));
      inFlight -= 1;
      return { Events: [] };
    });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });

    await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-wide', reply: REPLY, actor: 'U0ADMIN001', windowDays: 1 },
      {
        config,
        accounts: new AccountDirectory(config),
        store,
        ...SAME_CLIENTS,
        lookupPacing: { nowMs: () => 0, sleep: async () => undefined },
      },
    );

    expect(most).toBe(4);
  });

  it("keeps a plan within DynamoDB's 400 KB item, however long the ARNs, and counts what it leaves out", async () => {
    const base = JSON.parse(record('dynamodb-create-table.json')) as Record<string, unknown>;
    const groups = Array.from({ length: 900 }, (_, i) =>
      JSON.stringify({
        ...base,
        eventID: `log-group-${i}`,
        eventSource: 'logs.amazonaws.com',
        eventName: 'CreateLogGroup',
        requestParameters: { logGroupName: `/aws/lambda/${'long-function-name-'.repeat(25)}${i}` },
        responseElements: null,
      }),
    );
    onlyCalls('CreateLogGroup', groups);

    await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-big', reply: REPLY, actor: 'U0ADMIN001', windowDays: 1 },
      scanDeps(store),
    );
    const plan = (await store.get<BackfillPlan>(backfillKey('plan-big')))?.data;

    expect(plan).toBeDefined();
    expect(Buffer.byteLength(JSON.stringify(plan))).toBeLessThanOrEqual(300_000);
    expect((plan?.items.length ?? 0) + (plan?.leftOut ?? 0)).toBe(900);
    expect(plan?.leftOut).toBeGreaterThan(0);
  });

  it('remembers only the newest call of each stack, not every update of the window', async () => {
    const createStack = JSON.parse(record('cloudformation-create-stack.json')) as Record<string, unknown>;
    const updates = Array.from({ length: 40 }, (_, day) =>
      JSON.stringify({
        ...createStack,
        eventID: `update-${day}`,
        eventName: 'UpdateStack',
        eventTime: `2026-03-0${1 + Math.floor(day / 10)}T${String(10 + (day % 10)).padStart(2, '0')}:00:00Z`,
      }),
    );
    onlyCalls('UpdateStack', updates);
    const written: string[] = [];
    const counting = Object.create(store) as StateStore;
    counting.create = (key, ...rest) => {
      written.push(key);
      return store.create(key, ...rest);
    };
    counting.replace = (key, ...rest) => {
      written.push(key);
      return store.replace(key, ...rest);
    };

    await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-updates', reply: REPLY, actor: 'U0ADMIN001', windowDays: 9 },
      scanDeps(counting),
    );
    const stackWrites = written.filter((key) => key.startsWith('autotag#stack#'));
    const remembered = await store.get<{ at: string }>(stackWrites[0] ?? '');

    expect(stackWrites).toHaveLength(1);
    expect(remembered?.data.at).toBe('2026-03-04T19:00:00Z');
  });

  it("names a stack's resource after the stack's last call at or before its creation, not a later update", async () => {
    const createStack = JSON.parse(record('cloudformation-create-stack.json')) as Record<string, unknown>;
    const bobUpdates = JSON.stringify({
      ...createStack,
      eventID: 'update-by-bob',
      eventName: 'UpdateStack',
      eventTime: '2026-03-09T10:00:00Z',
      userIdentity: {
        type: 'IAMUser',
        arn: 'arn:aws:iam::222222222222:user/bob',
        accountId: '222222222222',
        userName: 'bob',
      },
    });
    const queue = JSON.stringify({
      ...JSON.parse(record('sqs-create-queue-by-stack.json')),
      eventTime: '2026-03-04T10:00:00Z',
    });
    const stackCalls: Record<string, string[]> = {
      CreateStack: [JSON.stringify({ ...createStack, eventTime: '2026-03-03T10:00:00Z' })],
      UpdateStack: [bobUpdates],
      CreateQueue: [queue],
    };
    cloudTrail
      .on(LookupEventsCommand)
      .callsFake(async (input: { LookupAttributes: { AttributeValue: string }[] }) => ({
        Events: (stackCalls[input.LookupAttributes[0]?.AttributeValue ?? ''] ?? []).map(
          (CloudTrailEvent) => ({
            CloudTrailEvent,
          }),
        ),
      }));
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });

    await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-at', reply: REPLY, actor: 'U0ADMIN001', windowDays: 9 },
      scanDeps(store),
    );
    const plan = (await store.get<BackfillPlan>(backfillKey('plan-at')))?.data;

    expect(plan?.items.find((item) => item.arn.endsWith(':web-prod-jobs'))?.creator.label).toBe(
      'alice@example.com via stack web-prod',
    );
  });

  it("reads no new page within a minute of the worker's deadline: keeps what it found, names the places not read in time", async () => {
    const config = parseConfig(
      [
        'accounts:',
        '  - { id: "222222222222", name: prod-payments, regions: [us-east-1] }',
        '  - { id: "333333333333", name: media, regions: [us-east-1] }',
        'roles: { autotag: aws-chatops-tagger }',
        'slack: { defaultChannel: C0ALERTS01 }',
      ].join('\n'),
      'test',
    );
    let remainingMs = 600_000;
    const asked: (string | undefined)[] = [];
    cloudTrail
      .on(LookupEventsCommand)
      .callsFake(async (input: { LookupAttributes: { AttributeValue: string }[]; NextToken?: string }) => {
        const name = input.LookupAttributes[0]?.AttributeValue;
        if (name !== 'CreateTable') return { Events: [] };
        asked.push(input.NextToken);
        // The first place's first page takes the worker to 50 s before its end.
        remainingMs = 50_000;
        const events = [{ CloudTrailEvent: record('dynamodb-create-table.json') }];
        return input.NextToken ? { Events: events } : { Events: events, NextToken: 'page-2' };
      });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });

    const reply = await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-late', reply: REPLY, actor: 'U0ADMIN001', windowDays: 7 },
      // One place at a time, so the second starts after the first has used the time.
      scanDeps(store, {
        config,
        accounts: new AccountDirectory(config),
        placesAtOnce: 1,
        remainingMs: () => remainingMs,
      }),
    );
    const plan = (await store.get<BackfillPlan>(backfillKey('plan-late')))?.data;

    expect(asked).toEqual([undefined]);
    expect(plan?.items.map((item) => item.arn)).toEqual([
      'arn:aws:dynamodb:eu-central-1:222222222222:table/orders',
    ]);
    expect(plan?.unreadable).toEqual([
      expect.stringContaining('not read in time: run again with account=222222222222 region=us-east-1'),
      expect.stringContaining('not read in time: run again with account=333333333333 region=us-east-1'),
    ]);
    expect(JSON.stringify(reply)).toContain('run again with account=333333333333 region=us-east-1');
  });

  it("names people as the live path does: a stack's resources after the stack's creator, Identity Center users by name", async () => {
    const fixture = (path: string) =>
      (JSON.parse(readFileSync(resolve('test/fixtures/autotag', path), 'utf8')) as { detail: unknown })
        .detail;
    const identityCenterUser = (
      fixture('run-instances-identity-center-user.json') as { userIdentity: unknown }
    ).userIdentity;
    const tableByUser = JSON.stringify({
      ...(JSON.parse(record('dynamodb-create-table.json')) as Record<string, unknown>),
      userIdentity: identityCenterUser,
    });
    cloudTrail
      .on(LookupEventsCommand)
      .callsFake(async (input: { LookupAttributes: { AttributeValue: string }[] }) => {
        const name = input.LookupAttributes[0]?.AttributeValue;
        // The queue is read before its stack would be in the table's order: the stack is remembered first.
        if (name === 'CreateQueue')
          return { Events: [{ CloudTrailEvent: record('sqs-create-queue-by-stack.json') }] };
        if (name === 'CreateStack')
          return { Events: [{ CloudTrailEvent: record('cloudformation-create-stack.json') }] };
        if (name === 'CreateTable') return { Events: [{ CloudTrailEvent: tableByUser }] };
        return { Events: [] };
      });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const asked: string[] = [];

    await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-named', reply: REPLY, actor: 'U0ADMIN001', windowDays: 7 },
      scanDeps(store, {
        identityCenter: {
          nameOf: async (_storeArn, userId) => {
            asked.push(userId);
            return 'frank@example.com';
          },
        },
      }),
    );
    const plan = (await store.get<BackfillPlan>(backfillKey('plan-named')))?.data;
    const labelOf = (arnEnd: string) => plan?.items.find((item) => item.arn.endsWith(arnEnd))?.creator.label;

    expect(labelOf(':web-prod-jobs')).toBe('alice@example.com via stack web-prod');
    expect(labelOf('table/orders')).toBe('frank@example.com via Identity Center');
    expect(asked).toEqual(['94482488-3041-7026-18f3-be45837cd0e4']);
  });

  it('finds untagged creations in CloudTrail within 2 requests a second, then tags them after the confirmation', async () => {
    let clock = 0;
    const callTimes: number[] = [];
    cloudTrail
      .on(LookupEventsCommand)
      .callsFake(async (input: { LookupAttributes: { AttributeValue: string }[]; NextToken?: string }) => {
        callTimes.push(clock);
        const name = input.LookupAttributes[0]?.AttributeValue;
        if (name === 'CreateDBInstance' && !input.NextToken) {
          return {
            Events: [{ CloudTrailEvent: record('rds-create-db-instance.json') }],
            NextToken: 'page-2',
          };
        }
        if (name === 'CreateDBInstance')
          return { Events: [{ CloudTrailEvent: record('rds-create-db-instance-error.json') }] };
        if (name === 'CreateTable')
          return { Events: [{ CloudTrailEvent: record('dynamodb-create-table.json') }] };
        return { Events: [] };
      });
    tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        {
          ResourceARN: 'arn:aws:dynamodb:eu-central-1:222222222222:table/orders',
          Tags: [{ Key: 'CreatedBy', Value: 'alice' }],
        },
      ],
    });
    tagging.on(TagResourcesCommand).resolves({ FailedResourcesMap: {} });
    const deps = {
      config: CONFIG,
      accounts: new AccountDirectory(CONFIG),
      store,
      ...SAME_CLIENTS,
      lookupPacing: {
        nowMs: () => clock,
        sleep: async (ms: number) => {
          clock += ms;
        },
      },
    };

    const summary = await runAutotagBackfillScan(
      { kind: 'autotag-backfill-scan', id: 'plan-1', reply: REPLY, actor: 'U0ADMIN001', windowDays: 30 },
      deps,
    );
    const done = await runAutotagBackfillTag(
      { kind: 'autotag-backfill-tag', id: 'view-1', reply: REPLY, actor: 'U0ADMIN001', planId: 'plan-1' },
      deps,
    );

    const gaps = callTimes.slice(1).map((t, i) => t - (callTimes[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(summary.text).toBe('No creator tag found on 1 resources created in the last 30 days');
    expect(JSON.stringify(summary.blocks)).toContain('1 RDS DB instance');
    expect(tagging.commandCalls(TagResourcesCommand).map((c) => c.args[0].input)).toEqual([
      {
        ResourceARNList: ['arn:aws:rds:us-east-1:222222222222:db:orders-db'],
        Tags: expect.objectContaining({
          CreatedBy: 'carol@example.com via SSO Developer',
          Owner: 'carol@example.com',
        }),
      },
    ]);
    expect(done.text).toContain('Backfill done: 1 resources tagged.');
    expect(await store.listAudit('autotag.backfill')).toEqual([
      expect.objectContaining({ actor: 'U0ADMIN001', target: 'plan-1', result: 'ok' }),
    ]);
  });

  describe('tagging a confirmed plan counts each resource honestly', () => {
    const ALICE = {
      label: 'alice via SSO Dev',
      arn: 'arn:aws:sts::222222222222:assumed-role/Dev/alice',
      kind: 'AssumedRole' as const,
      person: 'alice',
      service: false,
    };
    const item = (arn: string, resourceType: string, tagApi: BackfillItem['tagApi']): BackfillItem => ({
      arn,
      resourceType,
      tagApi,
      account: '222222222222',
      region: 'us-east-1',
      creator: ALICE,
      createdAt: '2026-03-01T10:00:00Z',
    });
    /** One resource per outcome the tally tells apart. */
    const ARN = {
      queue: 'arn:aws:sqs:us-east-1:222222222222:jobs',
      deletedQueue: 'arn:aws:sqs:us-east-1:222222222222:old-jobs',
      key: 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      terraformed: 'arn:aws:sns:us-east-1:222222222222:alerts',
      allSet: 'arn:aws:sns:us-east-1:222222222222:audit',
      instance: 'arn:aws:ec2:us-east-1:222222222222:instance/i-0a00000000000001',
      deletedVolume: 'arn:aws:ec2:us-east-1:222222222222:volume/vol-0b00000000000002',
    };
    /** A confirmed plan of `items`, as a scan would have kept it. */
    const keepPlan = (planId: string, items: BackfillItem[]) =>
      store.create(backfillKey(planId), '#', {
        actor: 'U0ADMIN001',
        windowDays: 30,
        items,
        counts: {},
        leftOut: 0,
        unreadable: [],
      } satisfies BackfillPlan);
    const tag = (planId: string) =>
      runAutotagBackfillTag(
        { kind: 'autotag-backfill-tag', id: `view-${planId}`, reply: REPLY, actor: 'U0ADMIN001', planId },
        scanDeps(store),
      );
    const tags = (pairs: Record<string, string>) =>
      Object.entries(pairs).map(([Key, Value]) => ({ Key, Value }));

    it('as tagged, kept, gone or failed, and an EC2 id that is gone does not fail its neighbours', async () => {
      await keepPlan('plan-mixed', [
        item(ARN.queue, 'sqs:queue', 'tagging-api'),
        item(ARN.deletedQueue, 'sqs:queue', 'tagging-api'),
        item(ARN.key, 'kms:key', 'tagging-api'),
        item(ARN.terraformed, 'sns:topic', 'tagging-api'),
        item(ARN.allSet, 'sns:topic', 'tagging-api'),
        item(ARN.instance, 'ec2:instance', 'ec2-create-tags'),
        item(ARN.deletedVolume, 'ec2:volume', 'ec2-create-tags'),
      ]);
      tagging.on(GetResourcesCommand).resolves({
        ResourceTagMappingList: [
          { ResourceARN: ARN.terraformed, Tags: tags({ Owner: 'platform-team' }) },
          {
            ResourceARN: ARN.allSet,
            Tags: tags({ CreatedBy: 'bob', CreatedByArn: 'arn:bob', CreatedAt: '2026-01-01', Owner: 'bob' }),
          },
        ],
      });
      tagging.on(TagResourcesCommand).resolves({
        FailedResourcesMap: {
          [ARN.deletedQueue]: {
            StatusCode: 400,
            ErrorCode: 'AWS.SimpleQueueService.NonExistentQueue' as ErrorCode,
            ErrorMessage: 'The specified queue does not exist.',
          },
          [ARN.key]: {
            StatusCode: 400,
            ErrorCode: 'AccessDeniedException' as ErrorCode,
            ErrorMessage: 'not authorized: kms:TagResource',
          },
        },
      });
      ec2.on(CreateTagsCommand).callsFake(async (input: { Resources: string[] }) => {
        if (input.Resources.includes('vol-0b00000000000002')) {
          throw Object.assign(new Error("The volume 'vol-0b00000000000002' does not exist."), {
            name: 'InvalidVolume.NotFound',
          });
        }
        return {};
      });

      const done = await tag('plan-mixed');

      const text = done.text;
      expect(text).toContain('Backfill: 3 resources tagged, 1 could not be tagged:');
      expect(text).toContain(`${ARN.key}: AccessDeniedException`);
      expect(text).toContain('1 of them kept the Owner they already had.');
      expect(text).toContain('1 already had other values for every tag key and were left alone.');
      expect(text).toContain('2 no longer exist (deleted since they were created).');
      expect(ec2.commandCalls(CreateTagsCommand).map((c) => c.args[0].input.Resources)).toEqual([
        ['i-0a00000000000001', 'vol-0b00000000000002'],
        ['i-0a00000000000001'],
        ['vol-0b00000000000002'],
      ]);
      expect(await store.listAudit('autotag.backfill')).toContainEqual(
        expect.objectContaining({
          target: 'plan-mixed',
          result: 'failed',
          detail: expect.objectContaining({ tagged: 3, ownerKept: 1, kept: 1, gone: 2, failed: 1 }),
        }),
      );
    });

    it('marks only the EC2 items of a place as failed when EC2 refuses the write', async () => {
      await keepPlan('plan-ec2-refused', [
        item(ARN.queue, 'sqs:queue', 'tagging-api'),
        item(ARN.instance, 'ec2:instance', 'ec2-create-tags'),
      ]);
      tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
      tagging.on(TagResourcesCommand).resolves({ FailedResourcesMap: {} });
      ec2
        .on(CreateTagsCommand)
        .rejects(Object.assign(new Error('You are not authorized'), { name: 'UnauthorizedOperation' }));

      const done = await tag('plan-ec2-refused');

      expect(done.text).toContain('Backfill: 1 resources tagged, 1 could not be tagged:');
      expect(done.text).toContain(`${ARN.instance}: EC2 refused (UnauthorizedOperation)`);
      expect(done.text).not.toContain(`${ARN.queue}:`);
    });
  });
});
