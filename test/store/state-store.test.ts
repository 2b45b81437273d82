import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';

const TABLE = 'state-store-test';

describe('StateStore against dynalite', () => {
  let dynamo: LocalDynamo;
  let clock: Date;
  let store: StateStore;
  let run = 0;
  /** A fresh key per test, so tests share one table without seeing each other's records. */
  let key: (name: string) => string;

  beforeAll(async () => {
    dynamo = await startLocalDynamo(TABLE);
  });
  afterAll(() => dynamo.close());
  beforeEach(() => {
    run += 1;
    key = (name) => `t${run}-${name}`;
    clock = new Date('2024-01-01T00:00:00Z');
    store = new StateStore(documentClient(dynamo.client), TABLE, () => clock);
  });

  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  describe('claim', () => {
    it('lets exactly one of 20 concurrent claimers win', async () => {
      // Act
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim(key('job'), 60)));

      // Assess
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses a second claim while the first lives', async () => {
      await store.claim(key('job'), 60);
      advance(59);

      expect(await store.claim(key('job'), 60)).toBe(false);
    });

    it('frees an expired claim that DynamoDB has not swept yet', async () => {
      await store.claim(key('job'), 60);
      advance(61);

      expect(await store.claim(key('job'), 60)).toBe(true);
      expect(await store.claim(key('job'), 60)).toBe(false);
    });

    it('is free again after release', async () => {
      await store.claim(key('job'), 3600);

      await store.release(key('job'));

      expect(await store.claim(key('job'), 3600)).toBe(true);
    });

    it('stores the claim with its data and expiry', async () => {
      await store.claim(key('job'), 60, { kind: 'whoami' });

      const record = await store.get<{ kind: string }>(`claim#${key('job')}`);

      expect(record).toMatchObject({
        data: { kind: 'whoami' },
        version: 1,
        expiresAt: clock.getTime() / 1000 + 60,
      });
    });
  });

  describe('create and get', () => {
    it('creates a record only if it is absent', async () => {
      const first = await store.create(key('msg'), 'health#1', { ts: '1.0' });
      const second = await store.create(key('msg'), 'health#1', { ts: '2.0' });

      expect([first, second]).toEqual([true, false]);
      expect((await store.get<{ ts: string }>(key('msg'), 'health#1'))?.data).toEqual({ ts: '1.0' });
    });

    it('lets one of many concurrent creators win', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.create(key('msg'), '#', { i })),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('treats an expired record as absent for get and create', async () => {
      await store.create(key('dedup'), '#', { n: 1 }, { ttlSeconds: 10 });
      advance(11);

      const seen = await store.get(key('dedup'));
      const created = await store.create(key('dedup'), '#', { n: 2 }, { ttlSeconds: 10 });

      expect(seen).toBeUndefined();
      expect(created).toBe(true);
      expect((await store.get<{ n: number }>(key('dedup')))?.data).toEqual({ n: 2 });
    });

    it('answers undefined for a record that was never written', async () => {
      expect(await store.get(key('nothing'))).toBeUndefined();
    });
  });

  describe('replace', () => {
    it('replaces at the expected version and bumps the version', async () => {
      await store.create(key('ref'), '#', { ts: '1.0' });

      const replaced = await store.replace(key('ref'), '#', { ts: '1.1' }, 1);

      expect(replaced).toBe(true);
      expect(await store.get(key('ref'))).toMatchObject({ version: 2, data: { ts: '1.1' } });
    });

    it('refuses a replace with a stale version and keeps the newer record', async () => {
      await store.create(key('ref'), '#', { ts: '1.0' });
      await store.replace(key('ref'), '#', { ts: 'writer A' }, 1);

      const stale = await store.replace(key('ref'), '#', { ts: 'writer B' }, 1);

      expect(stale).toBe(false);
      expect(await store.get(key('ref'))).toMatchObject({ version: 2, data: { ts: 'writer A' } });
    });

    it('refuses to replace a record that does not exist', async () => {
      expect(await store.replace(key('ghost'), '#', {}, 1)).toBe(false);
    });
  });

  describe('query', () => {
    it('returns the records of a partition whose sort key starts with the prefix, newest sort key first', async () => {
      // Prepare
      for (const sk of ['update#2024-01-01', 'update#2024-01-03', 'update#2024-01-02', 'close#2024-01-04']) {
        await store.create(key('event'), sk, { sk });
      }

      // Act
      const updates = await store.query<{ sk: string }>(key('event'), { prefix: 'update#' });
      const latest = await store.query(key('event'), { limit: 1 });

      // Assess
      expect(updates.map((r) => r.sk)).toEqual([
        'update#2024-01-03',
        'update#2024-01-02',
        'update#2024-01-01',
      ]);
      expect(latest.map((r) => r.sk)).toEqual(['update#2024-01-03']);
    });

    it('queryAll reads a partition in sort-key order up to maxItems, leaving out expired records', async () => {
      // Prepare
      for (const sk of ['u2#b', 'u1#a', 'u1#c', 'u1#b']) await store.create(key('subs'), sk, { sk });
      await store.create(key('subs'), 'u1#0-expiring', {}, { ttlSeconds: 10 });
      advance(11);

      // Act
      const all = await store.queryAll(key('subs'), { maxItems: 100 });
      const some = await store.queryAll(key('subs'), { prefix: 'u1#', maxItems: 2 });

      // Assess
      expect(all.map((r) => r.sk)).toEqual(['u1#a', 'u1#b', 'u1#c', 'u2#b']);
      expect(some.map((r) => r.sk)).toEqual(['u1#a', 'u1#b']);
    });
  });

  describe('audit', () => {
    it('appends entries and lists them newest first, with the time of each', async () => {
      // Prepare
      const action = key('bucket.create');
      await store.audit({ action, actor: 'U0123ABCD', target: 'bucket-a', result: 'ok' });
      advance(60);
      await store.audit({
        action,
        actor: 'U0123ABCD',
        target: 'bucket-b',
        result: 'refused',
        detail: { why: 'not allowed' },
      });

      // Act
      const entries = await store.listAudit(action);

      // Assess
      expect(entries).toEqual([
        {
          action,
          actor: 'U0123ABCD',
          target: 'bucket-b',
          result: 'refused',
          detail: { why: 'not allowed' },
          at: '2024-01-01T00:01:00.000Z',
        },
        { action, actor: 'U0123ABCD', target: 'bucket-a', result: 'ok', at: '2024-01-01T00:00:00.000Z' },
      ]);
    });

    it('keeps two entries written in the same millisecond', async () => {
      const action = key('retag');

      await Promise.all([
        store.audit({ action, actor: 'system', target: 'i-1', result: 'ok' }),
        store.audit({ action, actor: 'system', target: 'i-2', result: 'ok' }),
      ]);

      expect((await store.listAudit(action)).map((e) => e.target).sort()).toEqual(['i-1', 'i-2']);
    });
  });
});
