import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { parseOwnerArgs } from '../../src/autotag/owner-job';
import { runAutotagOwner } from '../../src/autotag/run-owner-job';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';

const CONFIG = parseConfig(
  [
    'accounts:',
    '  - { id: "222222222222", name: prod-payments, regions: [eu-west-1, us-east-1] }',
    '  - { id: "333333333333", name: staging }',
    'roles: { autotag: aws-chatops-tagger }',
    'slack: { defaultChannel: C0ALERTS01 }',
    'autotag: { lookupRegions: [ap-southeast-2] }',
  ].join('\n'),
  'test',
);

describe('/aws-owner', () => {
  it('reads an ARN, an instance id or a bucket name, and nothing else', () => {
    expect(parseOwnerArgs(['arn:aws:rds:us-east-1:222222222222:db:orders-db'])).toMatchObject({
      ok: true,
      target: { kind: 'arn' },
    });
    expect(parseOwnerArgs(['i-0a00000000000001'])).toMatchObject({ target: { kind: 'instance' } });
    expect(parseOwnerArgs(['payments-invoices-2026'])).toMatchObject({ target: { kind: 'bucket' } });
    expect(parseOwnerArgs(['Not_A_Bucket!'])).toMatchObject({ ok: false });
    expect(parseOwnerArgs([])).toMatchObject({ ok: false });
  });

  it('reads ARNs that name no account: S3 buckets, API Gateway APIs, EBS snapshots and AMIs', () => {
    for (const arn of [
      'arn:aws:s3:::payments-invoices-2026',
      'arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5',
      'arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0',
      'arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0',
    ]) {
      expect(parseOwnerArgs([arn]), arn).toEqual({ ok: true, target: { kind: 'arn', arn } });
    }
    expect(parseOwnerArgs(['arn:aws:s3:::'])).toMatchObject({ ok: false });
    expect(parseOwnerArgs(['arn:aws:rds:us-east-1:2222:db:x'])).toMatchObject({ ok: false });
  });

  it('searches every configured account and region for an instance and answers from its tags', async () => {
    const tagging = mockClient(ResourceGroupsTaggingAPIClient);
    const asked: string[] = [];
    tagging.on(GetResourcesCommand).callsFake(async (input: { ResourceARNList: string[] }) => {
      const arn = input.ResourceARNList[0] ?? '';
      asked.push(arn);
      return arn.includes('ap-southeast-2:333333333333')
        ? {
            ResourceTagMappingList: [
              {
                ResourceARN: arn,
                Tags: [
                  { Key: 'CreatedBy', Value: 'dave' },
                  { Key: 'Owner', Value: 'media-team' },
                ],
              },
            ],
          }
        : { ResourceTagMappingList: [] };
    });
    const sts = mockClient(STSClient);
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: '999999999999', Arn: 'arn:aws:sts::999999999999:x/y', UserId: 'u' });

    const reply = await runAutotagOwner(
      {
        kind: 'autotag-owner',
        id: 't',
        reply: { responseUrl: 'https://hooks.slack.com/x', userId: 'U1', channelId: 'C1' },
        target: { kind: 'instance', id: 'i-0a00000000000001' },
      },
      {
        config: CONFIG,
        accounts: new AccountDirectory(CONFIG),
        sts: new STSClient({}),
        clients: { taggingApi: () => new ResourceGroupsTaggingAPIClient({ region: 'us-east-1' }) },
        botRegion: 'us-east-1',
      },
    );

    expect(asked).toEqual([
      'arn:aws:ec2:eu-west-1:222222222222:instance/i-0a00000000000001',
      'arn:aws:ec2:us-east-1:222222222222:instance/i-0a00000000000001',
      'arn:aws:ec2:ap-southeast-2:333333333333:instance/i-0a00000000000001',
    ]);
    expect(reply.text).toBe('i-0a00000000000001: created by dave, owner media-team');
    expect(JSON.stringify(reply.blocks)).toContain('staging (333333333333)');
    tagging.restore();
    sts.restore();
  });
});
