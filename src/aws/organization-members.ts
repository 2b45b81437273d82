import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { listOrganizationAccounts } from './organization-accounts';

/** A listing is trusted this long; an id it lacks makes a fresh listing once it is older than REFRESH_MS. */
const CACHE_MS = 10 * 60 * 1000;
const REFRESH_MS = 60 * 1000;

/**
 * Whether an account id belongs to the organisation (Organizations ListAccounts, every page; management or
 * delegated-admin account only). One listing serves every check for CACHE_MS; concurrent checks share it. A
 * listing that fails is not cached and its error propagates (callers refuse: fail closed).
 */
export function organizationMembers(
  organizations: Pick<OrganizationsClient, 'send'>,
  options: { nowMs?: () => number } = {},
): (accountId: string) => Promise<boolean> {
  const nowMs = options.nowMs ?? Date.now;
  let listing: { at: number; ids: Promise<Set<string>> } | undefined;

  const list = (): Promise<Set<string>> => {
    const current = { at: nowMs(), ids: listAccountIds(organizations) };
    listing = current;
    current.ids.catch(() => {
      if (listing === current) listing = undefined;
    });
    return current.ids;
  };

  return async (accountId) => {
    const age = listing ? nowMs() - listing.at : Number.POSITIVE_INFINITY;
    const ids = listing && age < CACHE_MS ? await listing.ids : await list();
    if (ids.has(accountId)) return true;
    if (listing && nowMs() - listing.at >= REFRESH_MS) return (await list()).has(accountId);
    return false;
  };
}

async function listAccountIds(organizations: Pick<OrganizationsClient, 'send'>): Promise<Set<string>> {
  const accounts = await listOrganizationAccounts(organizations);
  return new Set(accounts.flatMap((account) => (account.Id ? [account.Id] : [])));
}
