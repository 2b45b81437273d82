import { describe, expect, it } from 'vitest';
import { toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { mergeIntoState } from '../../src/health/health-state';
import type { StateStore } from '../../src/store/state-store';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';

/** A page of the paged retirement event carrying 120 entities of 2,000 characters (≈240 KB, under EventBridge's 256 KB). */
function bigPage(page: 1 | 2) {
  const event = structuredClone(healthFixture(`paged-page-${page}-of-2`)) as {
    detail: Record<string, unknown>;
  };
  event.detail.affectedEntities = Array.from({ length: 120 }, (_, i) => ({
    entityValue: `arn:aws:s3:::bucket-${page}-${i}/${'k'.repeat(1970)}`,
  }));
  return toDelivery(healthEventSchema.parse(event));
}

describe('mergeIntoState', () => {
  let store: StateStore;
  useLocalStateStore('health-state-test', (local) => {
    store = local;
  });

  it('keeps an event with very long entities inside a DynamoDB item (400 KB), counting the rest as more', async () => {
    await mergeIntoState(store, { delivery: bigPage(1), accountName: undefined, channels: ['C1'] });

    const merged = await mergeIntoState(store, {
      delivery: bigPage(2),
      accountName: undefined,
      channels: ['C1'],
    });

    expect(merged.changed).toBe(true);
    expect(merged.view.entitiesTruncated).toBe(true);
    expect(merged.view.pages).toEqual({
      c0ffee0123456789abcdef0123456789abcdef01: { received: [1, 2], total: 2 },
    });
  });
});
