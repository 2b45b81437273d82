import type { SlackReply } from './message';
import { mrkdwnText } from './message';
import { escapeAndTruncate } from './truncate';

/** The icon a "working on it" ack starts with: the worker's answer follows at the response_url. */
export const WORKING_ICON = ':hourglass_flowing_sand:';

/** A short ephemeral line: "working on it", "done", or a problem with what to do about it. */
export function noticeReply(
  kind: 'working' | 'ok' | 'problem',
  message: string,
  hint?: string,
  responseType: SlackReply['responseType'] = 'ephemeral',
): SlackReply {
  const icon = { working: WORKING_ICON, ok: ':white_check_mark:', problem: ':warning:' }[kind];
  const body = escapeAndTruncate(message, 2500);
  const tail = hint ? `\n${escapeAndTruncate(hint, 400)}` : '';
  return {
    responseType,
    text: escapeAndTruncate(`${message}${hint ? ` ${hint}` : ''}`, 3000),
    blocks: [{ type: 'section', text: mrkdwnText(`${icon} ${body}${tail}`) }],
  };
}
