import { describe, expect, it } from 'vitest';
import {
  type HealthHomeItem,
  putHomeItem,
  readHomeItems,
  recordBestEffort,
  removeHomeItem,
} from '../../src/store/home-items';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const health = (at: string, status: HealthHomeItem['fields']['status'], key = 'arn:1'): HealthHomeItem => ({
  kind: 'health',
  key,
  account: { id: '222222222222', name: 'prod-payments' },
  at,
  fields: {
    eventArn: key,
    service: 'EC2',
    eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
    category: 'issue',
    status,
    region: 'us-east-1',
  },
});

describe('Home items in the state table', () => {
  let store: StateStore;
  useLocalStateStore('home-items-test', (s) => {
    store = s;
  });

  it('keeps the newer of two writes whatever order they land in, and a repeat changes nothing', async () => {
    await putHomeItem(store, health('2026-01-01T10:00:00Z', 'closed', 'arn:order'));

    const older = await putHomeItem(store, health('2026-01-01T09:00:00Z', 'open', 'arn:order'));
    const repeat = await putHomeItem(store, health('2026-01-01T10:00:00Z', 'closed', 'arn:order'));

    expect(older).toBe(false);
    expect(repeat).toBe(true);
    const stored = (await readHomeItems(store)).items.filter((item) => item.key === 'arn:order');
    expect(stored).toEqual([health('2026-01-01T10:00:00Z', 'closed', 'arn:order')]);
  });

  it('reads 1,000 items of ~1 KB in one paged query (past DynamoDB 1 MB page)', async () => {
    const padding = 'x'.repeat(1000);
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        putHomeItem(store, {
          ...health('2026-01-01T10:00:00Z', 'open', `arn:bulk-${i}`),
          fields: {
            ...health('2026-01-01T10:00:00Z', 'open').fields,
            eventArn: `arn:bulk-${i}`,
            region: padding,
          },
        }),
      ),
    );

    const { items } = await readHomeItems(store);

    expect(items.filter((item) => item.key.startsWith('arn:bulk-'))).toHaveLength(1000);
  });

  it('reads each kind under its own cap: a flood of Health items never hides mutes or launches, and is counted', async () => {
    // Prepare: more Health items than the cap, one mute and one launch.
    const cap = 5;
    await Promise.all(
      Array.from({ length: cap + 3 }, (_, i) =>
        putHomeItem(store, health('2026-01-01T10:00:00Z', 'open', `arn:cap-${i}`)),
      ),
    );
    await putHomeItem(store, {
      kind: 'mute',
      key: 'mute-cap',
      at: '2026-01-01T10:00:00Z',
      fields: {
        muteId: 'mute-cap',
        scope: 'EC2 in every account',
        until: '2999-01-01T00:00:00Z',
        by: 'U0ADA0001',
      },
    });
    await putHomeItem(store, {
      kind: 'launch',
      key: 'notice-cap',
      account: { id: '222222222222' },
      at: '2026-01-01T10:00:00Z',
      fields: {
        noticeId: 'notice-cap',
        launcher: 'ada',
        owner: 'ada',
        resources: 'i-0abc',
        region: 'us-east-1',
      },
    });
    const allHealth = (await readHomeItems(store)).items.filter((item) => item.kind === 'health').length;

    // Act
    const read = await readHomeItems(store, { maxPerKind: cap });

    // Assess
    const keys = read.items.map((item) => item.key);
    expect(keys).toContain('mute-cap');
    expect(keys).toContain('notice-cap');
    expect(read.items.filter((item) => item.kind === 'health')).toHaveLength(cap);
    expect(read.notRead).toEqual({ health: allHealth - cap });
  });

  it('forgets a removed item', async () => {
    const mute = {
      kind: 'mute' as const,
      key: 'mute-1',
      at: '2026-01-01T10:00:00Z',
      fields: {
        muteId: 'mute-1',
        scope: 'EC2 in every account',
        until: '2999-01-01T00:00:00Z',
        by: 'U0ADA0001',
      },
    };
    await putHomeItem(store, mute);

    await removeHomeItem(store, mute);

    expect((await readHomeItems(store)).items.map((item) => item.key)).not.toContain('mute-1');
  });
});

describe('recordBestEffort', () => {
  it('never throws when the write fails', async () => {
    await expect(
      recordBestEffort('failing', () => Promise.reject(new Error('DynamoDB down'))),
    ).resolves.toBeUndefined();
  });

  it('goes on after its budget when the write hangs', async () => {
    const started = Date.now();

    await recordBestEffort('hanging', () => new Promise(() => undefined), 50);

    expect(Date.now() - started).toBeLessThan(1000);
  });
});
