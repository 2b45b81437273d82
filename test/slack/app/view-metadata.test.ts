import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { startLocalDynamo } from '../../../src/local/local-dynamodb';
import { loadViewMetadata, saveViewMetadata } from '../../../src/slack/app/view-metadata';
import { StateStore } from '../../../src/store/state-store';
import { documentClient } from '../../../src/store/state-table';

const TABLE = 'view-metadata-test';
const HOUR = 60 * 60 * 1000;
const schema = z.object({ files: z.array(z.object({ id: z.string(), name: z.string() })) });
const files = Array.from({ length: 20 }, (_, i) => ({ id: `F${i}`, name: `${'n'.repeat(250)}${i}.csv` }));

describe('view metadata kept by the bot', () => {
  let store: StateStore;
  let tomorrow: StateStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const dynamo = await startLocalDynamo(TABLE);
    close = () => dynamo.close();
    store = new StateStore(documentClient(dynamo.client), TABLE);
    tomorrow = new StateStore(documentClient(dynamo.client), TABLE, () => new Date(Date.now() + 25 * HOUR));
  });
  afterAll(() => close());

  it('puts only a short reference in private_metadata and gives the stored data back', async () => {
    const privateMetadata = await saveViewMetadata(store, { files });

    expect(privateMetadata.length).toBeLessThan(100);
    expect(await loadViewMetadata(store, schema, privateMetadata)).toEqual({ files });
  });

  it.each([
    ['empty', ''],
    ['not JSON', '{ref:'],
    ['the data itself', JSON.stringify({ files })],
    ['an unknown reference', JSON.stringify({ ref: '6f1c1b8e-2f4e-4b7a-9a51-3f1f3a5c0d11' })],
    ['a reference with extra fields', JSON.stringify({ ref: '6f1c1b8e-2f4e-4b7a-9a51-3f1f3a5c0d11', files })],
  ])('knows nothing for %s', async (_label, privateMetadata) => {
    expect(await loadViewMetadata(store, schema, privateMetadata)).toBeUndefined();
  });

  it('forgets the data after a day', async () => {
    const privateMetadata = await saveViewMetadata(store, { files });

    expect(await loadViewMetadata(tomorrow, schema, privateMetadata)).toBeUndefined();
  });
});
