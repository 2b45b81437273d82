import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readRootCause } from '../../src/catalog/read-root-cause';
import { firstFailure, operationEvents } from '../../src/catalog/root-cause';
import { catalogFixture, PAYMENTS_STACK_ID, ROLLBACK_TOKEN, withDates } from '../support/catalog-fixtures';

const fixtureEvents = (): StackEvent[] =>
  withDates(catalogFixture<{ describeStackEvents: { StackEvents: StackEvent[] } }>('member-account-answers'))
    .describeStackEvents.StackEvents;

function event(at: string, logicalId: string, status: string, extra: Partial<StackEvent> = {}): StackEvent {
  const stackItself = logicalId === 'STACK';
  return {
    StackId: PAYMENTS_STACK_ID,
    StackName: 'SC-222222222222-pp-7fzq2lmd4xk3e',
    EventId: `${logicalId}-${status}-${at}`,
    LogicalResourceId: stackItself ? 'SC-222222222222-pp-7fzq2lmd4xk3e' : logicalId,
    PhysicalResourceId: stackItself ? PAYMENTS_STACK_ID : '',
    ResourceType: stackItself ? 'AWS::CloudFormation::Stack' : 'AWS::EC2::Instance',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    Timestamp: new Date(`2024-06-03T${at}Z`),
    ...extra,
  };
}

describe('root cause of a failed operation', () => {
  it('is the first *_FAILED resource event, with cancellations of other resources listed after it', () => {
    const { events, complete } = operationEvents(
      fixtureEvents(),
      PAYMENTS_STACK_ID,
      undefined,
      ROLLBACK_TOKEN,
    );

    const found = firstFailure(events, PAYMENTS_STACK_ID);

    expect(complete).toBe(true);
    expect(found?.cause).toMatchObject({
      logicalId: 'Bucket',
      type: 'AWS::S3::Bucket',
      status: 'CREATE_FAILED',
    });
    expect(found?.cause.reason).toContain("Bucket 'payments-artifacts' already exists");
    expect(found?.alsoFailed.map((failure) => failure.logicalId)).toEqual(['Topic']);
  });

  it('prefers a real failure over an earlier "Resource creation cancelled"', () => {
    const newestFirst = [
      event('10:00:09', 'STACK', 'ROLLBACK_COMPLETE'),
      event('10:00:05', 'Db', 'CREATE_FAILED', { ResourceStatusReason: 'DBInstance quota exceeded' }),
      event('10:00:04', 'Cache', 'CREATE_FAILED', { ResourceStatusReason: 'Resource creation cancelled' }),
      event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS', { ResourceStatusReason: 'User Initiated' }),
    ];

    const found = firstFailure(operationEvents(newestFirst, PAYMENTS_STACK_ID).events, PAYMENTS_STACK_ID);

    expect(found?.cause.logicalId).toBe('Db');
  });

  it('looks only at the operation that failed, not at an older one or at events after the failure', () => {
    const newestFirst = [
      event('12:00:00', 'Later', 'UPDATE_FAILED', { ResourceStatusReason: 'a later operation' }),
      event('11:00:09', 'STACK', 'UPDATE_ROLLBACK_FAILED'),
      event('11:00:05', 'Web', 'UPDATE_FAILED', { ResourceStatusReason: 'instance type not supported' }),
      event('11:00:00', 'STACK', 'UPDATE_IN_PROGRESS', { ResourceStatusReason: 'User Initiated' }),
      event('10:00:05', 'Old', 'CREATE_FAILED', { ResourceStatusReason: 'an earlier failure' }),
      event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS'),
    ];

    const { events } = operationEvents(newestFirst, PAYMENTS_STACK_ID, new Date('2024-06-03T11:00:09Z'));

    expect(firstFailure(events, PAYMENTS_STACK_ID)?.cause.logicalId).toBe('Web');
  });

  it('counts a failed hook as a failure, with the hook named', () => {
    const newestFirst = [
      event('10:00:05', 'Bucket', 'CREATE_IN_PROGRESS', {
        HookStatus: 'HOOK_COMPLETE_FAILED',
        HookType: 'Org::Security::EncryptionHook',
        HookStatusReason: 'Bucket must be encrypted',
      }),
      event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS'),
    ];

    const found = firstFailure(operationEvents(newestFirst, PAYMENTS_STACK_ID).events, PAYMENTS_STACK_ID);

    expect(found?.cause.reason).toBe('Bucket must be encrypted (hook Org::Security::EncryptionHook)');
  });
});

describe('readRootCause', () => {
  const cloudFormation = mockClient(CloudFormationClient);
  const client = new CloudFormationClient({ region: 'eu-west-1' });
  beforeEach(() => cloudFormation.reset());
  afterAll(() => cloudFormation.restore());

  it('follows a failed nested stack to the resource that failed inside it', async () => {
    const nestedId =
      'arn:aws:cloudformation:eu-west-1:222222222222:stack/SC-222222222222-pp-7fzq2lmd4xk3e-Network-1ABC/5d6e';
    cloudFormation.on(DescribeStackEventsCommand, { StackName: PAYMENTS_STACK_ID }).resolves({
      StackEvents: [
        event('10:00:09', 'STACK', 'ROLLBACK_COMPLETE'),
        event('10:00:06', 'Network', 'CREATE_FAILED', {
          ResourceType: 'AWS::CloudFormation::Stack',
          PhysicalResourceId: nestedId,
          ResourceStatusReason: 'Embedded stack was not successfully created',
        }),
        event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS'),
      ],
    });
    cloudFormation.on(DescribeStackEventsCommand, { StackName: nestedId }).resolves({
      StackEvents: [
        event('10:00:05', 'Subnet', 'CREATE_FAILED', {
          StackId: nestedId,
          ResourceStatusReason: 'CIDR overlaps',
        }),
        event('10:00:01', 'X', 'CREATE_IN_PROGRESS', {
          StackId: nestedId,
          LogicalResourceId: 'Network',
          PhysicalResourceId: nestedId,
          ResourceType: 'AWS::CloudFormation::Stack',
        }),
      ],
    });

    const root = await readRootCause(client, PAYMENTS_STACK_ID, new Date('2024-06-03T10:00:09Z'), undefined);

    expect(root?.cause).toMatchObject({ logicalId: 'Subnet', reason: 'CIDR overlaps' });
    expect(root?.nestedPath).toEqual(['Network']);
  });

  it('reads older pages until it reaches the start of the operation', async () => {
    cloudFormation
      .on(DescribeStackEventsCommand, { StackName: PAYMENTS_STACK_ID, NextToken: undefined })
      .resolves({ StackEvents: [event('10:00:09', 'STACK', 'ROLLBACK_COMPLETE')], NextToken: 'page-2' })
      .on(DescribeStackEventsCommand, { StackName: PAYMENTS_STACK_ID, NextToken: 'page-2' })
      .resolves({
        StackEvents: [
          event('10:00:05', 'Queue', 'CREATE_FAILED', { ResourceStatusReason: 'KMS key disabled' }),
          event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS'),
        ],
        NextToken: 'page-3',
      });

    const root = await readRootCause(client, PAYMENTS_STACK_ID, undefined, undefined);

    expect(root?.cause.logicalId).toBe('Queue');
    expect(cloudFormation.commandCalls(DescribeStackEventsCommand)).toHaveLength(2);
  });

  it("falls back to the stack's own reason when no resource failed", async () => {
    cloudFormation.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        event('10:00:01', 'STACK', 'ROLLBACK_IN_PROGRESS', {
          ResourceStatusReason: 'Parameters: [KeyName] must have values',
        }),
        event('10:00:00', 'STACK', 'CREATE_IN_PROGRESS', { ResourceStatusReason: 'User Initiated' }),
      ],
    });

    const root = await readRootCause(client, PAYMENTS_STACK_ID, undefined, undefined);

    expect(root?.cause).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      reason: 'Parameters: [KeyName] must have values',
    });
  });
});
