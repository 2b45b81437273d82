import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

/**
 * DynamoDB refuses a partition key over 2,048 bytes and a sort key over 1,024 bytes (dynalite counts characters,
 * so the ids are long in both: 2,100 ASCII characters and 1,200 three-byte ones).
 */
const longId = (tail: string) => `${'x'.repeat(2100)}${'事'.repeat(1200)}${tail}`;

describe('StateStore with ids longer than DynamoDB keys allow (hostile eventID, StackId, client request token)', () => {
  let store: StateStore;
  useLocalStateStore('long-keys-test', (local) => {
    store = local;
  });

  it('writes, reads, replaces and removes records under long partition and sort keys', async () => {
    const pk = `health#${longId('a')}`;
    const sk = `msg#${longId('b')}`;

    expect(await store.create(pk, sk, { n: 1 })).toBe(true);
    expect(await store.create(pk, sk, { n: 2 })).toBe(false);
    const record = await store.get<{ n: number }>(pk, sk);
    expect(record?.data).toEqual({ n: 1 });
    expect(await store.replace(pk, sk, { n: 3 }, record?.version ?? 0)).toBe(true);
    expect((await store.query<{ n: number }>(pk)).map((r) => r.data)).toEqual([{ n: 3 }]);
    expect(await store.remove(pk, sk)).toBe(true);
    expect(await store.get(pk, sk)).toBeUndefined();
  });

  it('keeps two long ids that differ only at the end apart, and finds each again', async () => {
    await store.create(`catalog#${longId('1')}`, '#', { which: 1 });
    await store.create(`catalog#${longId('2')}`, '#', { which: 2 });

    expect((await store.get<{ which: number }>(`catalog#${longId('1')}`))?.data.which).toBe(1);
    expect((await store.get<{ which: number }>(`catalog#${longId('2')}`))?.data.which).toBe(2);
  });

  it('claims and releases a long key once', async () => {
    const key = `autotag#${longId('c')}`;

    expect(await store.claim(key, 60)).toBe(true);
    expect(await store.claim(key, 60)).toBe(false);
    await store.release(key);
    expect(await store.claim(key, 60)).toBe(true);
  });

  it('leaves keys within the limits as they are, so existing records are still found', async () => {
    const pk = `p#${'x'.repeat(2046 - 2)}`;
    await store.create(pk, 'sk', { kept: true });

    const [record] = await store.query(pk);
    expect(record?.pk).toBe(pk);
    expect(record?.sk).toBe('sk');
  });
});
