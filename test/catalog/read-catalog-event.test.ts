import { describe, expect, it } from 'vitest';
import { readCatalogEvent } from '../../src/catalog/read-catalog-event';
import { catalogFixture, PAYMENTS_STACK_ID } from '../support/catalog-fixtures';

describe('readCatalogEvent', () => {
  it('reads an SNS notification of the stack itself as a stack-level notification', () => {
    const [input] = readCatalogEvent(catalogFixture('sns-stack-rollback-complete'));

    expect(input?.kind).toBe('notification');
    if (input?.kind !== 'notification') return;
    expect(input.notification).toMatchObject({
      source: 'sns',
      stackLevel: true,
      status: 'ROLLBACK_COMPLETE',
      messageId: 'd1f7c3a2-6e4b-5a8c-9d0e-1f2a3b4c5d6e',
      stack: { stackId: PAYMENTS_STACK_ID, accountId: '222222222222', region: 'eu-west-1', partition: 'aws' },
    });
  });

  it('marks a resource event as resource-level and reads "null" tokens as absent', () => {
    const [resource] = readCatalogEvent(catalogFixture('sns-resource-create-failed-tricky-reason'));
    const [nonCatalog] = readCatalogEvent(catalogFixture('sns-non-catalog-stack-update-rollback-failed'));

    expect(resource?.kind === 'notification' && resource.notification.stackLevel).toBe(false);
    expect(nonCatalog?.kind === 'notification' && nonCatalog.notification.clientRequestToken).toBeUndefined();
  });

  it('reads EventBridge stack and resource status changes, also when forwarded through SNS as JSON', () => {
    const stack = catalogFixture('eventbridge-stack-rollback-complete');
    const [direct] = readCatalogEvent(stack);
    const [viaSns] = readCatalogEvent({
      Records: [{ Sns: { MessageId: 'm-1', Message: JSON.stringify(stack) } }],
    });
    const [resource] = readCatalogEvent(catalogFixture('eventbridge-resource-create-failed'));

    for (const input of [direct, viaSns]) {
      expect(input).toMatchObject({
        kind: 'notification',
        notification: { source: 'eventbridge', stackLevel: true, status: 'ROLLBACK_COMPLETE' },
      });
    }
    expect(resource).toMatchObject({
      kind: 'notification',
      notification: { stackLevel: false, status: 'CREATE_FAILED' },
    });
  });

  it('ignores other CloudFormation detail types and calls anything else malformed', () => {
    const drift = {
      id: 'd-1',
      'detail-type': 'CloudFormation Drift Detection Status Change',
      source: 'aws.cloudformation',
      detail: { 'stack-id': PAYMENTS_STACK_ID, 'status-details': { status: 'DRIFTED' } },
    };

    expect(readCatalogEvent(drift)[0]?.kind).toBe('ignored');
    expect(readCatalogEvent({ source: 'aws.health' })[0]?.kind).toBe('malformed');
    expect(readCatalogEvent({ Records: [{ nope: true }] })[0]?.kind).toBe('malformed');
    expect(readCatalogEvent(catalogFixture('sns-garbage'))[0]).toMatchObject({
      kind: 'malformed',
      raw: { Records: [{ Sns: { MessageId: 'b5d1a7e6-ac8f-4ec0-9142-5d6e7f8091a2' } }] },
    });
  });

  it('splits a multi-record SNS event and keeps each malformed record on its own for replay', () => {
    const good = catalogFixture<{ Records: unknown[] }>('sns-stack-rollback-complete').Records[0];
    const bad = catalogFixture<{ Records: unknown[] }>('sns-garbage').Records[0];

    const inputs = readCatalogEvent({ Records: [good, bad] });

    expect(inputs.map((input) => input.kind)).toEqual(['notification', 'malformed']);
    expect(inputs[1]?.raw).toEqual({ Records: [bad] });
  });
});
