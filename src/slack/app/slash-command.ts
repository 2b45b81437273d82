import type { SlashCommand } from '@slack/bolt';
import type { ReplyTarget } from '../api/reply-target';

/** What a feature's command plan needs of a slash command: its text, its id, and where to answer. */
export interface CommandInput {
  text: string;
  /** Unique per Slack request (a retry carries the same one): the job's idempotency key. */
  triggerId: string;
  reply: ReplyTarget;
}

export function commandInput(command: SlashCommand): CommandInput {
  return { text: command.text, triggerId: command.trigger_id, reply: replyTargetOf(command) };
}

export function replyTargetOf(command: SlashCommand): ReplyTarget {
  return {
    responseUrl: command.response_url,
    userId: command.user_id,
    channelId: command.channel_id,
    teamId: command.team_id,
  };
}
