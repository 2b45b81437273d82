import { DescribeAccountCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';

/** Account names from AWS Organizations (management or delegated-admin account only). */
export function organizationAccountNames(
  organizations: OrganizationsClient,
): (accountId: string) => Promise<string | undefined> {
  return async (accountId) => {
    const out = await organizations.send(new DescribeAccountCommand({ AccountId: accountId }));
    return out.Account?.Name;
  };
}
