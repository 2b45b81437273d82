import { describe, expect, it } from 'vitest';
import { loadHome } from '../../src/home/load-home';
import { putHomeItem } from '../../src/store/home-items';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const ADMIN = 'U0ADMIN01';
const PERSON = 'U0PERSON1';
const config = { slack: { admins: { users: [ADMIN], userGroups: [] } } } as never;

describe('loadHome', () => {
  let store: StateStore;
  useLocalStateStore('load-home-test', (s) => {
    store = s;
  });

  const deps = () => ({
    store,
    config,
    accounts: { configured: [] },
    groupMembers: async () => [],
    mayUnmute: async (userId: string) => userId === ADMIN,
    now: () => new Date('2026-12-02T12:00:00Z'),
  });

  it('builds the Home from the recorded items, and gives admins the last 10 audit records', async () => {
    await putHomeItem(store, {
      kind: 'health',
      key: 'arn:1',
      account: { id: '222222222222', name: 'prod-payments' },
      at: '2026-12-02T11:00:00Z',
      fields: {
        eventArn: 'arn:1',
        service: 'EC2',
        eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
        category: 'issue',
        status: 'open',
        region: 'us-east-1',
      },
    });
    for (let i = 0; i < 12; i += 1)
      await store.audit({ action: 'health.mute', actor: ADMIN, target: `t${i}`, result: 'ok' });

    const admin = await loadHome(ADMIN, deps());
    const person = await loadHome(PERSON, deps());

    expect(admin.accounts.map((a) => a.account.id)).toEqual(['222222222222']);
    expect(admin.audits).toHaveLength(10);
    expect(admin.mayUnmute).toBe(true);
    expect(person.audits).toBeUndefined();
    expect(person.mayUnmute).toBe(false);
  });
});
