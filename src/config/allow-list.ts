import { logger } from '../lambda/logger';
import type { AllowList } from './schema-parts';

/** Members of a Slack user group (usergroups.users.list). */
export type GroupMembers = (groupId: string) => Promise<readonly string[]>;

/** Is `userId` listed by name in one of the allow-lists? (No Slack call.) */
export function isListedUser(userId: string, lists: readonly AllowList[]): boolean {
  return lists.some((list) => list.users.includes(userId));
}

/**
 * Is `userId` a member of a user group named in one of the allow-lists? A group Slack cannot list counts as empty:
 * an allow-list never opens up on an error.
 */
export async function isInListedGroup(
  userId: string,
  lists: readonly AllowList[],
  groupMembers: GroupMembers,
): Promise<boolean> {
  for (const group of lists.flatMap((list) => list.userGroups)) {
    const members = await groupMembers(group).catch((error: unknown) => {
      logger.warn('could not list a Slack user group; treating the user as not in it', { group, error });
      return [] as readonly string[];
    });
    if (members.includes(userId)) return true;
  }
  return false;
}

/** Listed by name, or a member of a listed user group. */
export async function isAllowListed(
  userId: string,
  lists: readonly AllowList[],
  groupMembers: GroupMembers,
): Promise<boolean> {
  return isListedUser(userId, lists) || isInListedGroup(userId, lists, groupMembers);
}
