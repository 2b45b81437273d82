import { describe, expect, it } from 'vitest';
import { AUTOTAG_DEFAULTS } from '../../src/autotag/config-schema';
import { groupForCreateTags, planTags } from '../../src/autotag/tag-plan';

const creator = {
  kind: 'IAMUser',
  label: 'alice',
  person: 'alice',
  arn: 'arn:aws:iam::1:user/alice',
  service: false,
};
const resources = [
  { id: 'i-1', kind: 'instance' as const },
  { id: 'vol-1', kind: 'volume' as const, instanceId: 'i-1' },
];

describe('planTags', () => {
  it('keeps an existing owner unless overwriteExisting is set', () => {
    const existing = new Map([['i-1', new Map([['Owner', 'team-x']])]]);
    const input = { resources, existing, creator, createdAt: 't', keys: AUTOTAG_DEFAULTS.tagKeys };

    const kept = planTags({ ...input, overwriteExisting: false });
    const overwritten = planTags({ ...input, overwriteExisting: true });

    expect(kept.resources[0]?.kept).toEqual({ Owner: 'team-x' });
    expect(kept.resources[0]?.write.Owner).toBeUndefined();
    expect(kept.owner).toBe('team-x');
    expect(overwritten.resources[0]?.write.Owner).toBe('alice');
    expect(overwritten.owner).toBe('alice');
  });

  it('uses the configured tag keys and groups identical tag sets into one CreateTags call', () => {
    const keys = { ...AUTOTAG_DEFAULTS.tagKeys, creator: 'team:created-by', instanceId: 'team:instance' };

    const plan = planTags({
      resources,
      existing: new Map(),
      creator,
      createdAt: 't',
      keys,
      overwriteExisting: false,
    });
    const groups = groupForCreateTags(plan.resources);

    expect(plan.resources[1]?.write).toMatchObject({ 'team:created-by': 'alice', 'team:instance': 'i-1' });
    expect(groups).toHaveLength(2);
  });
});
