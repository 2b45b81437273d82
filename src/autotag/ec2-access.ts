import type { AccountDirectory } from '../aws/account-directory';

/** The role purpose under `roles:` in the config (e.g. `autotag: aws-chatops-tagger`). */
export const AUTOTAG_ROLE_PURPOSE = 'autotag';

/** How the bot reaches a resource: its own credentials (same account), or a role in a member account. */
export interface TagAccess {
  accountId: string;
  region: string;
  /** Absent: the bot's own account and credentials. */
  roleName?: string;
}

export function tagAccessFor(
  accountId: string,
  region: string,
  ownAccountId: string | undefined,
  accounts: AccountDirectory,
): TagAccess {
  if (accountId === ownAccountId) return { accountId, region };
  return { accountId, region, roleName: accounts.roleFor(accountId, AUTOTAG_ROLE_PURPOSE) };
}
