import { type GroupMembers, isAllowListed } from '../config/allow-list';
import type { AppConfig } from '../config/schema';

/** Backfills write tags across accounts: only `slack.admins` and `autotag.backfillAllowed` may run them. */
export async function mayBackfill(
  userId: string,
  config: Pick<AppConfig, 'slack' | 'autotag'>,
  groupMembers: GroupMembers,
): Promise<boolean> {
  return isAllowListed(userId, [config.slack.admins, config.autotag.backfillAllowed], groupMembers);
}

export const BACKFILL_REFUSED =
  "Only people on the backfill allow-list (autotag.backfillAllowed or slack.admins in the bot's config) may tag in bulk. Ask an admin.";
