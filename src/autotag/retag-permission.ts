import { type GroupMembers, isInListedGroup, isListedUser } from '../config/allow-list';
import type { AllowList } from '../config/schema-parts';
import type { AutotagNotice } from './notice-record';

export type RetagDecision =
  | { allowed: true; as: 'allow-listed' | 'creator' }
  | { allowed: false; reason: string };

export interface RetagRules {
  admins: AllowList;
  retagAllowed: AllowList;
  creatorMayRetag: boolean;
}

/**
 * Who may change the owner of announced resources: allow-listed Slack users and user-group members
 * (`slack.admins`, `autotag.retagAllowed`), and the launcher for their own resources. The refusal says why.
 */
export async function mayRetag(
  userId: string,
  notice: Pick<AutotagNotice, 'creatorSlackUserId' | 'creator'>,
  rules: RetagRules,
  groupMembers: GroupMembers,
): Promise<RetagDecision> {
  const lists = [rules.admins, rules.retagAllowed];
  if (isListedUser(userId, lists)) return { allowed: true, as: 'allow-listed' };
  if (rules.creatorMayRetag && notice.creatorSlackUserId === userId) return { allowed: true, as: 'creator' };
  if (await isInListedGroup(userId, lists, groupMembers)) return { allowed: true, as: 'allow-listed' };
  const launcher = notice.creatorSlackUserId
    ? `the person who launched them (${notice.creator.label})`
    : `the person who launched them (${notice.creator.label}, who has no known Slack user)`;
  return {
    allowed: false,
    reason: `Only ${rules.creatorMayRetag ? `${launcher} and ` : ''}people on the retag allow-list (autotag.retagAllowed or slack.admins in the bot's config) may change the owner of these resources. Ask one of them, or an admin to add you.`,
  };
}
