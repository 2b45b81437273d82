import type { WebClient } from '@slack/web-api';
import type { GroupMembers } from '../../config/allow-list';
import { logger } from '../../lambda/logger';

const CACHE_MS = 5 * 60 * 1000;
const cache = new Map<string, { until: number; members: Promise<readonly string[]> }>();

/**
 * Members of Slack user groups (usergroups.users.list, scope `usergroups:read`), cached for five minutes per
 * container. When Slack cannot say, the group counts as empty: an allow-list never opens up on an error.
 */
export function userGroupMembers(client: WebClient, now: () => number = Date.now): GroupMembers {
  return (groupId) => {
    const hit = cache.get(groupId);
    if (hit && hit.until > now()) return hit.members;
    const members = client.usergroups.users
      .list({ usergroup: groupId })
      .then((out) => out.users ?? [])
      .catch((error: unknown) => {
        logger.warn('cannot read user group members; treating the group as empty', { groupId, error });
        cache.delete(groupId);
        return [] as string[];
      });
    cache.set(groupId, { until: now() + CACHE_MS, members });
    return members;
  };
}
