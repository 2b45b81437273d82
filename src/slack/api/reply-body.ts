import type { MessageBlock, SlackReply } from '../../../blocks/message';

/** A reply in Slack's wire shape for answers to a request (ack body, response_url post). */
export interface ReplyBody {
  response_type: SlackReply['responseType'];
  replace_original?: boolean;
  text: string;
  blocks: MessageBlock[];
}

/**
 * The one mapping from a SlackReply to Slack's answer body. `replace_original` is only sent when asked for: a
 * slash command's ack has no original to replace, while a button's answer must say not to replace the notice.
 */
export function replyBody(reply: SlackReply, options: { replaceOriginal?: boolean } = {}): ReplyBody {
  return {
    response_type: reply.responseType,
    ...(options.replaceOriginal === undefined ? {} : { replace_original: options.replaceOriginal }),
    text: reply.text,
    blocks: reply.blocks,
  };
}
