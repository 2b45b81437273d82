import type { AccountChoice, AccountDirectory } from '../aws/account-directory';
import type { AppConfig } from '../config/schema';
import type { AccountLike } from './bucket-access';

/** The account a bucket command acts in: `account=…`, else `buckets.defaultAccount`. */
export function bucketAccount(
  input: string | undefined,
  accounts: AccountDirectory,
  config: Pick<AppConfig, 'buckets'>,
): AccountChoice {
  const wanted = input ?? config.buckets.defaultAccount;
  if (wanted === undefined) {
    const names = accounts.configured.map((a) => a.name).join(', ');
    return {
      ok: false,
      problem: `Say which account with account=<id or name>${names ? ` (one of ${names})` : ''}.`,
    };
  }
  return accounts.tryResolve(wanted);
}

/**
 * The region `create` uses: the one asked for, else `buckets.defaultRegion`, else the bot's own region. When the
 * account lists its regions in config, others are refused.
 */
export function bucketRegion(
  requested: string | undefined,
  account: AccountLike,
  accounts: AccountDirectory,
  config: Pick<AppConfig, 'buckets'>,
  botRegion: string,
): { ok: true; region: string } | { ok: false; problem: string } {
  const region = requested ?? config.buckets.defaultRegion ?? botRegion;
  const allowed = accounts.configured.find((a) => a.id === account.id)?.regions;
  if (allowed && !allowed.includes(region)) {
    return {
      ok: false,
      problem: `${account.name ?? account.id} is configured for ${allowed.join(', ')} only, not ${region}.`,
    };
  }
  return { ok: true, region };
}
