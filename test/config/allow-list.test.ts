import { describe, expect, it } from 'vitest';
import { isAllowListed } from '../../src/config/allow-list';

const admins = { users: ['U0ADMIN001'], userGroups: [] };
const cloudTeam = { users: [], userGroups: ['S0CLOUD001'] };

describe('isAllowListed', () => {
  it('allows a user listed by name without asking Slack about groups', async () => {
    const asked: string[] = [];

    const allowed = await isAllowListed('U0ADMIN001', [admins, cloudTeam], async (group) => {
      asked.push(group);
      return [];
    });

    expect(allowed).toBe(true);
    expect(asked).toEqual([]);
  });

  it('allows a member of a listed user group and refuses everyone else', async () => {
    const members = async () => ['U0MEMBER01'];

    expect(await isAllowListed('U0MEMBER01', [admins, cloudTeam], members)).toBe(true);
    expect(await isAllowListed('U0STRANGER', [admins, cloudTeam], members)).toBe(false);
  });

  it('treats a group Slack cannot list as empty: an error never opens the list', async () => {
    const failing = async (): Promise<string[]> => {
      throw new Error('ratelimited');
    };

    expect(await isAllowListed('U0MEMBER01', [cloudTeam], failing)).toBe(false);
  });
});
