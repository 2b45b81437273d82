import { resolve } from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createAutotagFunction } from '../../src/autotag/autotag-function';
import { createAutotagRetryFunction } from '../../src/autotag/autotag-retry-function';
import { createCasesScheduleFunction } from '../../src/cases/cases-schedule-function';
import { createCatalogFunction } from '../../src/catalog/catalog-function';
import { parseEnv } from '../../src/config/env';
import { loadConfigFile } from '../../src/config/load-config';
import { createHealthFunction } from '../../src/health/health-function';
import { createWorkerFunction } from '../../src/jobs/worker-function';
import { failureQueueFromEnv, readInput } from '../../src/lambda/bad-input';
import type { QuarantinedEvent } from '../../src/lambda/quarantine';
import type { LocalDynamo } from '../../src/local/local-dynamodb';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const TABLE = 'bad-input-test';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/999999999999/failed';
const env = parseEnv({
  STATE_TABLE: TABLE,
  FAILED_EVENTS_QUEUE_URL: QUEUE_URL,
  CHATOPS_CONFIG: resolve(__dirname, '../fixtures/config/chatops.yaml'),
});
const config = loadConfigFile(env.CHATOPS_CONFIG);

describe('one bad-input policy for every function: quarantined with its id, failure queue, no throw', () => {
  let store: StateStore;
  let dynamo: LocalDynamo;
  useLocalStateStore(TABLE, (local, localDynamo) => {
    store = local;
    dynamo = localDynamo;
  });
  const sqs = new SQSClient({ region: 'us-east-1' });
  const queue = mockClient(sqs);
  beforeEach(() => {
    queue.reset();
    queue.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
  });

  type Invoke = (event: unknown) => Promise<unknown>;
  const functions: [string, () => Invoke][] = [
    ['healthEvent', () => createHealthFunction(env, config, { dynamodb: dynamo.client, sqs })],
    ['autotagEvent', () => createAutotagFunction(env, config, { store, sqs })],
    ['catalogEvent', () => createCatalogFunction(env, config, { store, sqs })],
    ['casesSchedule', () => createCasesScheduleFunction(env, config, { store, sqs })],
    ['slackWorker', () => createWorkerFunction(env, config, { store, sqs })],
  ];

  it.each(functions)('%s', async (source, create) => {
    const id = `malformed-${source}-1`;
    const handler = create();

    await expect(handler({ id, source: 'aws.health', hello: 'world' })).resolves.toBeUndefined();

    const kept = await store.query<QuarantinedEvent>(`quarantine#${source}`);
    expect(kept.map((record) => record.data.eventId)).toContain(id);
    const sent = queue.commandCalls(SendMessageCommand).map((call) => call.args[0].input);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.QueueUrl).toBe(QUEUE_URL);
    expect(JSON.parse(sent[0]?.MessageBody ?? '{}')).toMatchObject({
      source,
      reason: 'malformed',
      problems: expect.any(Array),
      event: { id },
    });
  });

  it('autotagRetry: a malformed message is kept by its SQS message id, sent to the queue, and resolved', async () => {
    const handler = createAutotagRetryFunction(env, config, { store, sqs });
    const record = {
      messageId: 'malformed-autotagRetry-1',
      body: '{"kind":"autotag-not-ready","attempt":"one"}',
    };

    await expect(handler({ Records: [record] } as never)).resolves.toEqual([]);

    const kept = await store.query<QuarantinedEvent>('quarantine#autotagRetry');
    expect(kept.map((r) => r.data.eventId)).toContain('malformed-autotagRetry-1');
    const sent = queue.commandCalls(SendMessageCommand).map((call) => call.args[0].input);
    expect(sent.map((m) => JSON.parse(m.MessageBody ?? '{}'))).toEqual([
      expect.objectContaining({ source: 'autotagRetry', reason: 'malformed' }),
    ]);
  });

  it('returns the parsed event when it fits the schema, and rejects nothing', async () => {
    const schema = z.object({ id: z.string() });
    const policy = { store, source: 'goodInputTest', failureQueue: failureQueueFromEnv(env, sqs) };

    await expect(readInput(schema, { id: 'good-1', extra: 1 }, policy)).resolves.toEqual({ id: 'good-1' });

    expect(await store.query(`quarantine#goodInputTest`)).toEqual([]);
    expect(queue.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('still quarantines when the failure queue cannot be reached, and resolves', async () => {
    queue.on(SendMessageCommand).rejects(new Error('queue down'));
    const policy = { store, source: 'queueDownTest', failureQueue: failureQueueFromEnv(env, sqs) };

    await expect(readInput(z.object({ id: z.number() }), { id: 'q-1' }, policy)).resolves.toBeUndefined();

    const kept = await store.query<QuarantinedEvent>('quarantine#queueDownTest');
    expect(kept.map((record) => record.data.eventId)).toEqual(['q-1']);
  });

  it('has no failure queue under serverless-offline', () => {
    expect(failureQueueFromEnv({ ...env, IS_OFFLINE: 'true' }, sqs).queueUrl).toBeUndefined();
  });
});
