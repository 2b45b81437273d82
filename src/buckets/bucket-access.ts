import { accountLabel } from '../../blocks/bucket-replies';
import { type GroupMembers, isAllowListed } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import { matchesNamePattern } from './bucket-name-rules';
import type { BucketSubcommand } from './config-schema';

/** An account as jobs carry it: the id, and the name when there is one. */
export interface AccountLike {
  id: string;
  name?: string | undefined;
}

/** Subcommands that create or change something in AWS: allow-listed, pattern-checked and audited. */
export const MUTATING: ReadonlySet<BucketSubcommand> = new Set(['create', 'convert', 'website', 'upload']);

/**
 * May `userId` run `sub`? Admins (`slack.admins`) always may; otherwise the subcommand's entry in
 * `buckets.allow` decides: `everyone`, a listed user, or a member of a listed user group.
 */
export async function mayRunBucketCommand(
  sub: BucketSubcommand,
  userId: string,
  config: Pick<AppConfig, 'slack' | 'buckets'>,
  groupMembers: GroupMembers,
): Promise<boolean> {
  const rule = config.buckets.allow[sub];
  if (rule === 'everyone') return true;
  return isAllowListed(userId, [config.slack.admins, rule], groupMembers);
}

/** The bucket name patterns configured for an account, by id or by name (any case). */
export function namePatternsFor(account: AccountLike, config: Pick<AppConfig, 'buckets'>): string[] {
  const entries = Object.entries(config.buckets.namePatterns);
  const match = entries.find(
    ([key]) => key === account.id || key.toLowerCase() === account.name?.toLowerCase(),
  );
  return match?.[1] ?? [];
}

/** Why the bot may not change `bucket` in `account`, or undefined when the account's patterns allow it. */
export function bucketPatternProblem(
  bucket: string,
  account: AccountLike,
  config: Pick<AppConfig, 'buckets'>,
): string | undefined {
  const patterns = namePatternsFor(account, config);
  const where = accountLabel(account);
  if (patterns.length === 0) {
    return `The bot changes no buckets in ${where}: buckets.namePatterns has no entry for that account.`;
  }
  if (matchesNamePattern(bucket, patterns)) return undefined;
  return `In ${where} the bot only changes buckets named ${patterns.join(', ')}; "${bucket}" is not one of them.`;
}
