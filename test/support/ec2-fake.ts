import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTagsCommand,
  type CreateTagsCommandInput,
  DescribeInstancesCommand,
  DescribeTagsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';

export const volumeOf = (instanceId: string) => instanceId.replace(/^i-/, 'vol-');
export const eniOf = (instanceId: string) => instanceId.replace(/^i-/, 'eni-');

export interface FakeEc2Options {
  /** DescribeInstances answers InvalidInstanceID.NotFound this many times first. */
  notFoundTimes?: number;
  /** Tags resources already carry (instances through DescribeInstances, others through DescribeTags). */
  existing?: Record<string, Record<string, string>>;
  /** Tags on every launched instance (e.g. Name). */
  instanceTags?: Record<string, string>;
}

/**
 * EC2 as aws-sdk-client-mock plays it: every launched instance has one EBS volume and one network interface
 * named after it (i-0a… → vol-0a…, eni-0a…); CreateTags succeeds and is recorded.
 */
export function fakeEc2(options: FakeEc2Options = {}) {
  const ec2 = mockClient(EC2Client);
  let notFound = options.notFoundTimes ?? 0;
  const existing = options.existing ?? {};
  ec2.on(DescribeInstancesCommand).callsFake((input: { InstanceIds?: string[] }) => {
    if (notFound > 0) {
      notFound -= 1;
      throw Object.assign(new Error('The instance IDs do not exist'), { name: 'InvalidInstanceID.NotFound' });
    }
    return {
      Reservations: [
        {
          Instances: (input.InstanceIds ?? []).map((id) => ({
            InstanceId: id,
            InstanceType: 't3.large',
            ImageId: 'ami-0abc1234def567890',
            RootDeviceType: 'ebs',
            State: { Name: 'pending' },
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: volumeOf(id) } }],
            NetworkInterfaces: [{ NetworkInterfaceId: eniOf(id) }],
            Tags: Object.entries({ ...options.instanceTags, ...existing[id] }).map(([Key, Value]) => ({
              Key,
              Value,
            })),
          })),
        },
      ],
    };
  });
  ec2.on(DescribeTagsCommand).callsFake((input: { Filters?: { Values?: string[] }[] }) => ({
    Tags: (input.Filters?.[0]?.Values ?? []).flatMap((id) =>
      Object.entries(existing[id] ?? {}).map(([Key, Value]) => ({ ResourceId: id, Key, Value })),
    ),
  }));
  ec2.on(CreateTagsCommand).resolves({});
  return ec2;
}

export type FakeEc2 = ReturnType<typeof fakeEc2>;

/** Every tag written, per resource id (later calls win, as in EC2). */
export function tagsWritten(ec2: FakeEc2): Map<string, Record<string, string>> {
  const byResource = new Map<string, Record<string, string>>();
  for (const call of ec2.commandCalls(CreateTagsCommand)) {
    const input = call.args[0].input as CreateTagsCommandInput;
    for (const id of input.Resources ?? []) {
      const tags = byResource.get(id) ?? {};
      for (const tag of input.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
      byResource.set(id, tags);
    }
  }
  return byResource;
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(resolve(__dirname, '../fixtures/autotag', name), 'utf8')) as T;
}

let unique = 0;

/** A fixture event with a fresh CloudTrail eventID, so each test is a new delivery (not a duplicate). */
export function freshEvent<T = Record<string, unknown>>(name: string): T {
  const event = fixture<{ detail: { eventID: string } }>(name);
  unique += 1;
  event.detail.eventID = `${event.detail.eventID}-t${unique}`;
  return event as T;
}

export const AUTOTAG_CONFIG = resolve(__dirname, '../fixtures/autotag/chatops.yaml');
export const BOT_CONTEXT = {
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:999999999999:function:aws-chatops-test-autotagEvent',
};
