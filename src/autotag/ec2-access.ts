import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { AppConfig } from '../config/schema';

/** The role purpose under `roles:` in the config (e.g. `autotag: aws-chatops-tagger`). */
export const AUTOTAG_ROLE_PURPOSE = 'autotag';

/** The role infra/autotag-tagging-role.yaml creates, and the only one serverless.yml lets the bot assume for tagging. */
export const DEFAULT_AUTOTAG_ROLE = 'aws-chatops-tagger';

/**
 * The config the account directory uses for tagging: `roles.autotag` defaults to aws-chatops-tagger, so
 * `roleFor(account, 'autotag')` never falls back to the read-only `roles.default`, which cannot tag.
 */
export function withAutotagRoleDefault<T extends Pick<AppConfig, 'roles'>>(config: T): T {
  return { ...config, roles: { [AUTOTAG_ROLE_PURPOSE]: DEFAULT_AUTOTAG_ROLE, ...config.roles } };
}

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
 * One EC2 client per account, region and role, created on first use and kept for the container's life; member
 * accounts go through the shared assume-role cache. `make` is replaceable for tests.
 */
export function ec2ClientFactory(
  credentials: CrossAccountCredentials,
  make: (config: EC2ClientConfig) => EC2Client = (config) => new EC2Client(config),
): Ec2For {
  const clients = new Map<string, EC2Client>();
  return (access) => {
    const key = `${access.accountId}/${access.region}/${access.roleName ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = make({
        region: access.region,
        ...(access.roleName
          ? { credentials: credentials.credentialsFor(access.accountId, access.roleName) }
          : {}),
      });
      clients.set(key, client);
    }
    return client;
  };
}
