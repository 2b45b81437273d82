import { describe, expect, it } from 'vitest';
import { type QuarantinedEvent, quarantine, quarantineKey } from '../../src/lambda/quarantine';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i += 1) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  return root;
}

describe('quarantine keeps anything, so a bad event is never retried forever', () => {
  let store: StateStore;
  useLocalStateStore('quarantine-test', (local) => {
    store = local;
  });

  it('keeps an event with a 2,010-character id (a sort key over 1,024 bytes), found by its id', async () => {
    const id = `e${'x'.repeat(2009)}`;

    await quarantine(store, 'longIdTest', { id, detail: {} }, ['detail.eventArn: missing']);

    const [kept] = await store.query<QuarantinedEvent>(quarantineKey('longIdTest'));
    expect(kept?.data.eventId).toBe(id);
    expect(JSON.parse(kept?.data.event ?? '')).toEqual({ id, detail: {} });
  });

  it('keeps an event nested 5,000 levels deep (JSON.stringify overflows the stack), cut at a safe depth', async () => {
    await quarantine(store, 'deepTest', { id: 'deep-1', detail: nested(5000) }, ['detail: too deep']);

    const [kept] = await store.query<QuarantinedEvent>(quarantineKey('deepTest'));
    expect(kept?.data.eventId).toBe('deep-1');
    expect(JSON.parse(kept?.data.event ?? '').id).toBe('deep-1');
  });

  it('keeps a circular or 1 MB event and a flood of problems within the 400 KB item limit', async () => {
    const circular: Record<string, unknown> = { id: 'loop-1', big: 'x'.repeat(1_000_000) };
    circular.self = circular;

    await quarantine(
      store,
      'hugeTest',
      circular,
      Array.from({ length: 10_000 }, (_, i) => `problem ${i}`),
    );

    const [kept] = await store.query<QuarantinedEvent>(quarantineKey('hugeTest'));
    expect(kept?.data.eventId).toBe('loop-1');
    expect(kept?.data.problems.length).toBeLessThan(10_000);
  });
});
