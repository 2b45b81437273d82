import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { AirtableOutbox } from '../../src/store/airtable-outbox';
import {
  AirtableTable,
  type AirtableTableOptions,
  AirtableUnavailableError,
} from '../../src/store/airtable-repository';
import { PacerDeadlineError, SlotPacer } from '../../src/store/slot-pacer';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { AirtableStandIn } from '../support/airtable-stand-in';

const MERGE_ON = ['EventArn', 'Account'];
const row = (n: number, extra: Record<string, string> = {}) => ({
  EventArn: `arn-${n}`,
  Account: '222222222222',
  Status: 'open',
  ...extra,
});

describe('Airtable table and outbox', () => {
  const airtable = new AirtableStandIn();
  let dynamo: LocalDynamo;
  let store: StateStore;
  let table: AirtableTable;
  let outbox: AirtableOutbox;
  const tableWith = (options: Partial<AirtableTableOptions>) =>
    new AirtableTable({
      token: 'pat.test',
      baseId: 'appTEST',
      table: 'Health',
      endpointUrl: airtable.url,
      pacer: new SlotPacer(store),
      requestsPerSecond: 5,
      attempts: 3,
      rateLimitPauseMs: 10,
      ...options,
    });
  beforeAll(async () => {
    [dynamo] = await Promise.all([startLocalDynamo('airtable-test'), airtable.start()]);
    store = new StateStore(documentClient(dynamo.client), 'airtable-test');
    table = tableWith({});
    outbox = new AirtableOutbox(store, MERGE_ON);
  });
  afterAll(async () => {
    await Promise.all([airtable.stop(), dynamo.close()]);
  });
  afterEach(() => {
    airtable.failWith = undefined;
  });

  it('gives up after the configured attempts when Airtable keeps answering 429 (airtable.js would retry forever)', async () => {
    airtable.failWith = () => 429;
    const before = airtable.calls.length;

    await expect(table.upsert([row(0)], MERGE_ON)).rejects.toBeInstanceOf(AirtableUnavailableError);

    expect(airtable.calls.length - before).toBe(3);
  });

  it('does not start a request that could not finish before the invocation deadline', async () => {
    const hurried = tableWith({ requestTimeoutMs: 10_000, deadline: () => Date.now() + 5_000 });
    const before = airtable.calls.length;

    await expect(hurried.upsert([row(0)], MERGE_ON)).rejects.toBeInstanceOf(PacerDeadlineError);

    expect(airtable.calls.length).toBe(before);
  });

  it('writes 25 queued rows in 3 requests of at most 10, at most 5 requests a second', async () => {
    for (let n = 1; n <= 25; n += 1)
      await outbox.enqueue(`arn-${n}#222222222222`, row(n), '2024-01-01T00:00:00Z');
    const before = airtable.calls.length;

    const result = await outbox.drain(table, Date.now() + 10_000);

    const calls = airtable.calls.slice(before);
    expect(result).toEqual({ written: 25, failed: 0, pending: 0 });
    expect(calls.map((c) => c.body.records?.length)).toEqual([10, 10, 5]);
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(190);
    expect(airtable.rows('Health')).toHaveLength(25);
  });

  it('does not queue a row identical to the one written, nor an older one', async () => {
    expect(await outbox.enqueue('arn-1#222222222222', row(1), '2024-01-01T00:00:00Z')).toBe('unchanged');
    expect(await outbox.enqueue('arn-3#222222222222', row(3, { Status: 'x' }), '2023-12-31T00:00:00Z')).toBe(
      'older',
    );
    expect(
      await outbox.enqueue('arn-2#222222222222', row(2, { Status: 'closed' }), '2024-01-02T00:00:00Z'),
    ).toBe('queued');
    expect(
      await outbox.enqueue('arn-2#222222222222', row(2, { Status: 'investigating' }), '2024-01-01T12:00:00Z'),
    ).toBe('older');
  });

  it('parks a row Airtable refuses and still writes the others of its batch', async () => {
    await outbox.enqueue('arn-bad#222222222222', row(99, { Bad: 'field' }), '2024-01-03T00:00:00Z');
    airtable.failWith = (call) => (call.body.records?.some((r) => 'Bad' in r.fields) ? 422 : undefined);

    const result = await outbox.drain(table, Date.now() + 10_000);

    expect(result).toMatchObject({ written: 1, failed: 1, pending: 0 });
    const refused = await outbox.refused();
    expect(refused.map((r) => r.key)).toEqual(['arn-bad#222222222222']);
    expect(refused[0]?.row.lastError).toMatch(/422/);
  });
});
