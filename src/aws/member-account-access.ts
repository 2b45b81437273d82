import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import type { AppConfig } from '../config/schema';
import { AccountDirectory } from './account-directory';
import { CrossAccountCredentials } from './assume-role';
import { organizationAccountNames } from './organization-account-names';
import { organizationMembers } from './organization-members';

/**
 * How a function reaches member accounts, built once per container: the bot's STS client, the shared assume-role
 * cache (sessions named `sessionName` in the member's CloudTrail), Organizations, and the account directory.
 * Every AssumeRole is refused for an account that is neither configured nor in the organisation.
 */
export function memberAccountAccess(
  config: AppConfig,
  sessionName: string,
): {
  sts: STSClient;
  credentials: CrossAccountCredentials;
  accounts: AccountDirectory;
  organizations: OrganizationsClient;
} {
  const sts = new STSClient({});
  const organizations = new OrganizationsClient({ region: 'us-east-1' });
  const accounts = new AccountDirectory(
    config,
    organizationAccountNames(organizations),
    organizationMembers(organizations),
  );
  const credentials = new CrossAccountCredentials({
    sts,
    partition: config.organization.partition,
    externalId: config.organization.externalId,
    sessionName,
    checkAccount: (accountId) => accounts.checkAllowed(accountId),
  });
  return { sts, credentials, accounts, organizations };
}
