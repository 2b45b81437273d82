import type { KnownBlock } from '@slack/types';

/** What every builder returns: blocks plus the plain-text fallback shown in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A message answered to a person: only they see it (`ephemeral`) or the whole channel does. */
export interface SlackReply extends SlackMessage {
  responseType: 'ephemeral' | 'in_channel';
}

export function plainText(text: string): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text, emoji: true };
}

export function mrkdwnText(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text };
}
