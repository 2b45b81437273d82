import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AccountRef } from '../aws/account-directory';
import { listOrganizationAccounts } from '../aws/organization-accounts';
import type { AccountConfig } from '../config/schema';

/** The accounts a report reads: the configured ones, or every ACTIVE account of the organization. */
export async function listTargetAccounts(
  source: 'config' | 'organization',
  configured: readonly AccountConfig[],
  organizations: Pick<OrganizationsClient, 'send'>,
): Promise<AccountRef[]> {
  if (source === 'config') return configured.map((account) => ({ id: account.id, name: account.name }));
  const names = new Map(configured.map((account) => [account.id, account.name]));
  const accounts = new Map<string, AccountRef>();
  for (const account of await listOrganizationAccounts(organizations)) {
    if (!account.Id || (account.Status && account.Status !== 'ACTIVE')) continue;
    accounts.set(account.Id, { id: account.Id, name: names.get(account.Id) ?? account.Name });
  }
  return [...accounts.values()];
}
