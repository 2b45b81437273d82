import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';

const TABLE = 'audit-log-test';

describe('audit log', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => {
    dynamo = await startLocalDynamo(TABLE);
  });
  afterAll(() => dynamo.close());

  /** A table whose writes to the recent-audit partition are throttled; everything else goes through. */
  const throttlingRecentCopies = (doc: DynamoDBDocumentClient) =>
    ({
      send: (command: { input: { Item?: { pk?: string } } }) => {
        if (command.input.Item?.pk === 'audit-recent') {
          return Promise.reject(
            Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }),
          );
        }
        return doc.send(command as never);
      },
    }) as unknown as DynamoDBDocumentClient;

  it('keeps the 400-day record and does not throw when the recent copy fails', async () => {
    // Prepare
    const store = new StateStore(throttlingRecentCopies(documentClient(dynamo.client)), TABLE);

    // Act
    const audited = store.audit({ action: 'retag', actor: 'U0ADA00001', target: 'i-1', result: 'ok' });

    // Assess
    await expect(audited).resolves.toEqual(expect.any(String));
    expect((await store.listAudit('retag')).map((entry) => entry.target)).toEqual(['i-1']);
    expect(await store.recentAudits()).toEqual([]);
  });

  it('still fails when the 400-day record fails', async () => {
    // Prepare
    const failing = {
      send: () => Promise.reject(new Error('table gone')),
    } as unknown as DynamoDBDocumentClient;
    const store = new StateStore(failing, TABLE);

    // Act / Assess
    await expect(
      store.audit({ action: 'retag', actor: 'U0ADA00001', target: 'i-2', result: 'ok' }),
    ).rejects.toThrow('table gone');
  });

  it('lists the recent copies of every action, newest first', async () => {
    // Prepare
    let clock = new Date('2024-01-01T00:00:00Z');
    const store = new StateStore(documentClient(dynamo.client), TABLE, () => clock);
    await store.audit({ action: 'bucket.create', actor: 'U0ADA00001', target: 'b-1', result: 'ok' });
    clock = new Date('2024-01-01T00:01:00Z');
    await store.audit({ action: 'health.mute', actor: 'U0ADA00002', target: 'm-1', result: 'refused' });

    // Act
    const recent = await store.recentAudits(5);

    // Assess
    expect(recent.map((entry) => entry.target)).toEqual(['m-1', 'b-1']);
  });
});
