import {
  DescribeInstancesCommand,
  type DescribeInstancesCommandOutput,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { describeLaunchedInstances, InstancesNotFoundError } from '../../src/autotag/ec2-inventory';

const retry = { attempts: 4, firstDelayMs: 100, sleep: async () => undefined };
const pending = (volumes: boolean): DescribeInstancesCommandOutput => ({
  $metadata: {},
  Reservations: [
    {
      Instances: [
        {
          InstanceId: 'i-1',
          RootDeviceType: 'ebs' as const,
          BlockDeviceMappings: volumes ? [{ Ebs: { VolumeId: 'vol-1' } }] : [],
          NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1' }],
        },
      ],
    },
  ],
});

describe('describeLaunchedInstances', () => {
  const ec2 = mockClient(EC2Client);
  afterEach(() => ec2.reset());

  it('waits (with backoff) until a pending instance lists its volumes', async () => {
    const delays: number[] = [];
    ec2.on(DescribeInstancesCommand).resolvesOnce(pending(false)).resolves(pending(true));

    const facts = await describeLaunchedInstances(new EC2Client({}), ['i-1'], {
      ...retry,
      sleep: async (ms) => void delays.push(ms),
    });

    expect(facts[0]?.volumeIds).toEqual(['vol-1']);
    expect(delays).toEqual([100]);
  });

  it('gives up with a typed error after the last InvalidInstanceID.NotFound', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .rejects(Object.assign(new Error('nope'), { name: 'InvalidInstanceID.NotFound' }));

    await expect(describeLaunchedInstances(new EC2Client({}), ['i-1'], retry)).rejects.toBeInstanceOf(
      InstancesNotFoundError,
    );
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(4);
  });

  it('throws other errors at once (Lambda retries them)', async () => {
    ec2
      .on(DescribeInstancesCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'RequestLimitExceeded' }));

    await expect(describeLaunchedInstances(new EC2Client({}), ['i-1'], retry)).rejects.toThrow('slow down');
    expect(ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(1);
  });
});
