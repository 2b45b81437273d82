import { type GroupMembers, isAllowListed } from '../config/allow-list';
import type { AppConfig } from '../config/schema';

/** slack.admins and health.muteAllowed may mute and unmute; checked on the click and again on submit. */
export function mayMute(
  userId: string,
  config: Pick<AppConfig, 'slack' | 'health'>,
  groupMembers: GroupMembers,
): Promise<boolean> {
  return isAllowListed(userId, [config.slack.admins, config.health.muteAllowed], groupMembers);
}

export const MUTE_REFUSAL =
  'Only the people in slack.admins or health.muteAllowed may mute Health alerts; nothing was changed.';
