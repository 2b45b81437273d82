import type { RespondFn } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';

/** A short line only the clicker sees, below the message the click came from (which stays as it is). */
export function answerEphemeral(respond: RespondFn) {
  return async (kind: 'working' | 'ok' | 'problem', text: string): Promise<void> => {
    const { text: fallback, blocks } = noticeReply(kind, text);
    await respond({ response_type: 'ephemeral', replace_original: false, text: fallback, blocks });
  };
}
