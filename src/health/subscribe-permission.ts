import { type GroupMembers, isAllowListed } from '../config/allow-list';
import type { AppConfig } from '../config/schema';

/**
 * Who may subscribe: everyone in the workspace when `health.subscribeAllowed` is not set (the posture of
 * /aws-health, which shows any account's events to anyone); else slack.admins and the people it lists. Checked on
 * every subscribe path (alert buttons, Home modal, /aws-health subscribe) in addSubscription.
 */
export function maySubscribe(
  userId: string,
  config: Pick<AppConfig, 'slack' | 'health'>,
  groupMembers: GroupMembers,
): Promise<boolean> {
  const allowed = config.health.subscribeAllowed;
  if (!allowed) return Promise.resolve(true);
  return isAllowListed(userId, [config.slack.admins, allowed], groupMembers);
}

export const SUBSCRIBE_REFUSAL =
  'Only the people in slack.admins or health.subscribeAllowed may subscribe to Health alerts; nothing was added.';
