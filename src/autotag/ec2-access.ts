import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';

/** The role purpose under `roles:` in the config (e.g. `autotag: aws-chatops-tagger`). */
export const AUTOTAG_ROLE_PURPOSE = 'autotag';

/** How the bot reaches a resource: its own credentials (same account), or a role in a member account. */
export interface TagAccess {
  accountId: string;
  region: string;
  /** Absent: the bot's own account and credentials. */
  roleName?: string;
}

export type Ec2For = (access: TagAccess) => EC2Client;

export function tagAccessFor(
  accountId: string,
  region: string,
  ownAccountId: string | undefined,
  accounts: AccountDirectory,
): TagAccess {
  if (accountId === ownAccountId) return { accountId, region };
  return { accountId, region, roleName: accounts.roleFor(accountId, AUTOTAG_ROLE_PURPOSE) };
}

/**
 * One client per account, region and role, created on first use and kept for the container's life; member
 * accounts go through the shared assume-role cache.
 */
export function perAccessClients<C, Config extends { region?: unknown; credentials?: unknown }>(
  credentials: CrossAccountCredentials,
  make: (config: Config) => C,
): (access: TagAccess) => C {
  const clients = new Map<string, C>();
  return (access) => {
    const key = `${access.accountId}/${access.region}/${access.roleName ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = make({
        region: access.region,
        ...(access.roleName
          ? { credentials: credentials.credentialsFor(access.accountId, access.roleName) }
          : {}),
      } as Config);
      clients.set(key, client);
    }
    return client;
  };
}

/** EC2 clients per account, region and role (see `perAccessClients`); `make` is replaceable for tests. */
export function ec2ClientFactory(
  credentials: CrossAccountCredentials,
  make: (config: EC2ClientConfig) => EC2Client = (config) => new EC2Client(config),
): Ec2For {
  return perAccessClients(credentials, make);
}
