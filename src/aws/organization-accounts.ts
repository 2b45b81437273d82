import { type Account, ListAccountsCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';

/** Every account of the organisation, all pages of Organizations ListAccounts (management or delegated admin). */
export async function listOrganizationAccounts(
  organizations: Pick<OrganizationsClient, 'send'>,
): Promise<Account[]> {
  const accounts: Account[] = [];
  let nextToken: string | undefined;
  do {
    const page = await organizations.send(new ListAccountsCommand({ NextToken: nextToken }));
    accounts.push(...(page.Accounts ?? []));
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return accounts;
}
