import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import type { AppConfig } from '../config/schema';
import { AccountDirectory } from './account-directory';
import { CrossAccountCredentials } from './assume-role';
import { type MemberClients, memberClients } from './member-clients';
import { organizationAccountNames } from './organization-account-names';
import { organizationMembers } from './organization-members';

/**
 * How a function reaches member accounts, built once per container: the bot's STS client, the shared assume-role
 * cache (sessions named `sessionName` in the member's CloudTrail), Organizations, and the account directory.
 * Every AssumeRole is refused for an account that is neither configured nor in the organisation.
 * `casesCredentials` is the same for the case-report fan-out, with an STS client that makes each AssumeRole once:
 * the fan-out retries a throttled AssumeRole itself after giving the account's slot away, where an SDK retry would
 * back off while holding it. `clients` and `casesClients` are the per-account client factories on each.
 */
export function memberAccountAccess(
  config: AppConfig,
  sessionName: string,
): {
  sts: STSClient;
  credentials: CrossAccountCredentials;
  casesSts: STSClient;
  casesCredentials: CrossAccountCredentials;
  clients: MemberClients;
  casesClients: MemberClients;
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
  const assumeOptions = {
    partition: config.organization.partition,
    externalId: config.organization.externalId,
    sessionName,
    checkAccount: (accountId: string) => accounts.checkAllowed(accountId),
  };
  const credentials = new CrossAccountCredentials({ sts, ...assumeOptions });
  const casesSts = new STSClient({ maxAttempts: 1 });
  const casesCredentials = new CrossAccountCredentials({ sts: casesSts, ...assumeOptions });
  const clientOptions = {
    partition: config.organization.partition,
    supportConcurrency: config.cases.concurrency,
  };
  return {
    sts,
    credentials,
    casesSts,
    casesCredentials,
    clients: memberClients(credentials, clientOptions),
    casesClients: memberClients(casesCredentials, clientOptions),
    accounts,
    organizations,
  };
}
