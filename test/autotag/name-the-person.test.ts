import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DescribeUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { AutotagDeps } from '../../src/autotag/autotag-deps';
import type { CloudTrailDetail, CloudTrailEvent } from '../../src/autotag/cloudtrail-event';
import { requestTags } from '../../src/autotag/cloudtrail-event';
import { handleOtherCall } from '../../src/autotag/handle-other-call';
import { identityCenterNames } from '../../src/autotag/identity-center-names';
import { nameThePerson } from '../../src/autotag/name-the-person';
import { rememberCreator } from '../../src/autotag/stack-creators';
import type { AppConfig } from '../../src/config/schema';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const fixture = (path: string) =>
  (JSON.parse(readFileSync(resolve('test/fixtures/autotag', path), 'utf8')) as { detail: CloudTrailDetail })
    .detail;

const STACKSET_ROLE = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::222222222222:assumed-role/AWSCloudFormationStackSetExecutionRole/a1b2c3',
  invokedBy: 'cloudformation.amazonaws.com',
};

function stackSetCall(eventName: string, identity: CloudTrailDetail['userIdentity'], at: string) {
  return {
    ...fixture('services/cloudformation-create-stack.json'),
    eventName,
    eventTime: at,
    userIdentity: identity,
    requestParameters: { stackSetName: 'baseline', accounts: ['222222222222'], regions: ['eu-west-1'] },
    responseElements: { operationId: 'op-1' },
  } as CloudTrailDetail;
}

describe('the person behind a create call', () => {
  let store: StateStore;
  useLocalStateStore('aws-chatops-name-the-person', (local) => {
    store = local;
  });

  it("names a stack's resources after whoever last updated the stack, whatever order the events come in", async () => {
    const create = fixture('services/cloudformation-create-stack.json');
    const queue = fixture('services/sqs-create-queue-by-stack.json');
    const bob = { type: 'IAMUser', userName: 'bob', arn: 'arn:aws:iam::222222222222:user/bob' };
    const update = {
      ...create,
      eventName: 'UpdateStack',
      eventTime: '2026-03-04T08:00:00Z',
      userIdentity: bob,
    };

    await rememberCreator(store, update, await nameThePerson(update, new Map(), { store }));
    await rememberCreator(store, create, await nameThePerson(create, new Map(), { store }));
    const creator = await nameThePerson(queue, requestTags(queue), { store });

    expect(creator).toMatchObject({ label: 'bob via stack web-prod', person: 'bob' });
  });

  it('remembers who created a stack even when autotag.events names only EC2, and tags no stack', async () => {
    // Its own stack id: the stack of the fixtures is updated by bob in the test above.
    const other = (detail: CloudTrailDetail) =>
      JSON.parse(
        JSON.stringify(detail).replaceAll('5f3b2a10-0000-4000-8000-000000000011', 'other-stack'),
      ) as CloudTrailDetail;
    const create = other(fixture('services/cloudformation-create-stack.json'));
    const queue = other(fixture('services/sqs-create-queue-by-stack.json'));
    const config = { autotag: { events: ['ec2:instance'] } } as unknown as AppConfig;
    const deps = { store, config } as unknown as AutotagDeps;

    const outcome = await handleOtherCall({ detail: create } as CloudTrailEvent, deps, 60);
    const creator = await nameThePerson(queue, requestTags(queue), { store });

    expect(outcome).toMatchObject({ status: 'remembered' });
    expect(creator.label).toBe('alice@example.com via stack web-prod');
  });

  it("names a StackSet's stack in a member account after whoever ran the StackSet operation", async () => {
    const alice = { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111111111111:user/alice' };
    const operation = stackSetCall('CreateStackInstances', alice, '2026-03-03T09:59:00Z');
    await rememberCreator(store, operation, await nameThePerson(operation, new Map(), { store }));
    const memberStack = {
      ...fixture('services/cloudformation-create-stack.json'),
      userIdentity: STACKSET_ROLE,
      requestParameters: { stackName: 'StackSet-baseline-0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b' },
    } as CloudTrailDetail;

    const creator = await nameThePerson(memberStack, new Map(), { store });

    expect(creator.label).toBe('alice via StackSet baseline');
  });

  it('keeps the Service Catalog provisioner first, even for a remembered stack', async () => {
    const launch = fixture('run-instances-service-catalog.json');

    const creator = await nameThePerson(launch, requestTags(launch), { store });

    expect(creator.label).toBe('carol@example.com via SSO Developer via Service Catalog');
  });

  it('names an Identity Center user by DescribeUser, asking once per user', async () => {
    const identitystore = mockClient(IdentitystoreClient);
    identitystore
      .on(DescribeUserCommand)
      .resolves({ UserName: 'frank@example.com', UserId: 'u', IdentityStoreId: 'd' });
    const names = identityCenterNames(new IdentitystoreClient({ region: 'eu-west-1' }), store);
    const call = fixture('run-instances-identity-center-user.json');

    const first = await nameThePerson(call, new Map(), { store, identityCenter: names });
    const second = await nameThePerson(call, new Map(), { store, identityCenter: names });

    expect(first).toMatchObject({
      label: 'frank@example.com via Identity Center',
      person: 'frank@example.com',
    });
    expect(second.label).toBe(first.label);
    expect(identitystore.commandCalls(DescribeUserCommand).map((c) => c.args[0].input)).toEqual([
      { IdentityStoreId: 'd-9067642ac7', UserId: '94482488-3041-7026-18f3-be45837cd0e4' },
    ]);
    identitystore.restore();
  });

  it('keeps the user id when Identity Center cannot be asked', async () => {
    const identitystore = mockClient(IdentitystoreClient);
    identitystore
      .on(DescribeUserCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const names = identityCenterNames(new IdentitystoreClient({ region: 'eu-west-1' }), store);
    const call = {
      ...fixture('run-instances-identity-center-user.json'),
      userIdentity: {
        type: 'IdentityCenterUser',
        onBehalfOf: {
          userId: 'other-user',
          identityStoreArn: 'arn:aws:identitystore::111111111111:identitystore/d-9067642ac7',
        },
      },
    } as CloudTrailDetail;

    const creator = await nameThePerson(call, new Map(), { store, identityCenter: names });

    expect(creator).toMatchObject({ label: 'other-user via Identity Center', person: 'other-user' });
    identitystore.restore();
  });
});
