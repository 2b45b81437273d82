import { ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AccountRef } from '../aws/account-directory';
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
  let nextToken: string | undefined;
  do {
    const page = await organizations.send(new ListAccountsCommand({ NextToken: nextToken }));
    for (const account of page.Accounts ?? []) {
      if (!account.Id || (account.Status && account.Status !== 'ACTIVE')) continue;
      accounts.set(account.Id, { id: account.Id, name: names.get(account.Id) ?? account.Name });
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return [...accounts.values()];
}
