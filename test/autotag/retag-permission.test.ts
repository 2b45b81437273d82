import { describe, expect, it } from 'vitest';
import { mayRetag } from '../../src/autotag/retag-permission';

const notice = {
  creatorSlackUserId: 'U0ALICE001',
  creator: { kind: 'IAMUser', label: 'alice', arn: 'arn', service: false },
};
const rules = {
  admins: { users: ['U0ADMIN001'], userGroups: [] },
  retagAllowed: { users: [], userGroups: ['S0TEAM0001'] },
  creatorMayRetag: true,
};
const groups = async (id: string) => (id === 'S0TEAM0001' ? ['U0MEMBER01'] : []);

describe('mayRetag', () => {
  it.each([
    ['U0ADMIN001', true],
    ['U0ALICE001', true],
    ['U0MEMBER01', true],
    ['U0OTHER001', false],
  ])('%s allowed: %s', async (user, allowed) => {
    expect((await mayRetag(user, notice, rules, groups)).allowed).toBe(allowed);
  });

  it('refuses the launcher when creatorMayRetag is off, and says who may', async () => {
    const decision = await mayRetag('U0ALICE001', notice, { ...rules, creatorMayRetag: false }, groups);

    expect(decision).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^Only people on the retag allow-list/),
    });
  });

  it('treats a failing user-group lookup as "not a member"', async () => {
    const decision = await mayRetag('U0MEMBER01', notice, rules, async () => {
      throw new Error('missing_scope');
    });

    expect(decision.allowed).toBe(false);
  });
});
