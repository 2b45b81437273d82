import type { RespondArguments } from '@slack/bolt';
import type { SlackReply } from '../../../blocks/message';
import { replyBody } from '../api/reply-body';

/**
 * A SlackReply as Bolt's `ack` (slash commands) or `respond` takes it: the same body the worker posts to a
 * response_url. Pass `replaceOriginal: false` when answering a click, so the message clicked stays as it is.
 */
export function toRespondArguments(
  reply: SlackReply,
  options: { replaceOriginal?: boolean } = {},
): RespondArguments {
  return replyBody(reply, options);
}
