import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeTagsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeProvisionedProductCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoOrganisation,
  hasAwsCredentials,
  startDemoOrganisation,
} from '../../src/local/demo-organisation';

/** Keys the STS stand-in hands out for an assumed role in `account`. */
const inAccount = (account: string) => ({
  region: 'eu-west-1',
  credentials: { accessKeyId: `ASIA${account}`, secretAccessKey: 's', sessionToken: 't' },
});

describe('the demo organisation of npm run dev', () => {
  let demo: DemoOrganisation;

  beforeAll(async () => {
    demo = await startDemoOrganisation({ AWS_ENDPOINT_URL_SUPPORT: 'http://127.0.0.1:9/mine' });
  });
  afterAll(() => demo?.stop());

  it('leaves an endpoint the user exported alone and serves every other one', () => {
    expect(demo.env.AWS_ENDPOINT_URL_SUPPORT).toBeUndefined();
    expect(Object.keys(demo.env).sort()).toEqual([
      'AWS_ENDPOINT_URL_CLOUDFORMATION',
      'AWS_ENDPOINT_URL_EC2',
      'AWS_ENDPOINT_URL_HEALTH',
      'AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API',
      'AWS_ENDPOINT_URL_S3',
      'AWS_ENDPOINT_URL_SERVICE_CATALOG',
      'AWS_ENDPOINT_URL_STS',
    ]);
  });

  it('lists the sample buckets of the calling account, by prefix', async () => {
    const s3 = new S3Client({ ...inAccount('333333333333'), endpoint: demo.env.AWS_ENDPOINT_URL_S3 });

    const out = await s3.send(new ListBucketsCommand({ Prefix: 'stg-' }));

    expect(out.Buckets?.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['stg-reports', 'eu-west-1'],
      ['stg-site', 'eu-west-1'],
    ]);
    expect(out.Buckets?.[0]?.CreationDate).toEqual(new Date('2025-03-02T09:15:00.000Z'));
  });

  it('describes launched instances with their volume and interface, and keeps the tags written', async () => {
    const ec2 = new EC2Client({ ...inAccount('333333333333'), endpoint: demo.env.AWS_ENDPOINT_URL_EC2 });

    await ec2.send(
      new CreateTagsCommand({
        Resources: ['i-0abc', 'vol-0abc'],
        Tags: [{ Key: 'Owner', Value: 'ada@example.com' }],
      }),
    );
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0abc'] }));
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: ['vol-0abc'] }] }),
    );

    const instance = described.Reservations?.[0]?.Instances?.[0];
    expect(instance?.BlockDeviceMappings?.[0]?.Ebs?.VolumeId).toBe('vol-0abc');
    expect(instance?.NetworkInterfaces?.[0]?.NetworkInterfaceId).toBe('eni-0abc');
    expect(instance?.Tags).toEqual([{ Key: 'Owner', Value: 'ada@example.com' }]);
    expect(tags.Tags).toEqual([
      { ResourceId: 'vol-0abc', ResourceType: 'volume', Key: 'Owner', Value: 'ada@example.com' },
    ]);
  });

  it('answers the failed sample stack and its provisioned product', async () => {
    const region = inAccount('222222222222');
    const cfn = new CloudFormationClient({ ...region, endpoint: demo.env.AWS_ENDPOINT_URL_CLOUDFORMATION });
    const sc = new ServiceCatalogClient({ ...region, endpoint: demo.env.AWS_ENDPOINT_URL_SERVICE_CATALOG });

    const events = await cfn.send(
      new DescribeStackEventsCommand({ StackName: 'SC-222222222222-pp-7fzq2lmd4xk3e' }),
    );
    const product = await sc.send(new DescribeProvisionedProductCommand({ Id: 'pp-7fzq2lmd4xk3e' }));

    expect(events.StackEvents?.some((e) => e.ResourceStatus === 'CREATE_FAILED')).toBe(true);
    expect(events.StackEvents?.[0]?.Timestamp).toBeInstanceOf(Date);
    expect(product.ProvisionedProductDetail?.CreatedTime).toEqual(new Date('2024-06-03T10:04:55.000Z'));
    await expect(cfn.send(new DescribeStackEventsCommand({ StackName: 'other' }))).rejects.toThrow(
      /does not exist/,
    );
  });
});

describe('hasAwsCredentials (whether npm run dev starts the demo)', () => {
  const emptyHome = mkdtempSync(join(tmpdir(), 'home-'));

  it('is false with nothing set and no ~/.aws files', () => {
    expect(hasAwsCredentials({}, emptyHome)).toBe(false);
  });

  it('is true with keys, a profile, or a shared credentials file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aws-')), 'credentials');
    writeFileSync(file, '[default]\n');

    expect(hasAwsCredentials({ AWS_ACCESS_KEY_ID: 'AKIA' }, emptyHome)).toBe(true);
    expect(hasAwsCredentials({ AWS_PROFILE: 'dev' }, emptyHome)).toBe(true);
    expect(hasAwsCredentials({ AWS_SHARED_CREDENTIALS_FILE: file }, emptyHome)).toBe(true);
  });
});
