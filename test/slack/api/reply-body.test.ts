import { describe, expect, it } from 'vitest';
import { noticeReply } from '../../../blocks/notice';
import { replyBody } from '../../../src/slack/api/reply-body';

describe('replyBody', () => {
  const reply = noticeReply('working', 'Listing buckets…', undefined, 'in_channel');

  it('gives a slash command ack body: who sees it, the fallback text and the blocks, nothing to replace', () => {
    expect(replyBody(reply)).toEqual({
      response_type: 'in_channel',
      text: 'Listing buckets…',
      blocks: reply.blocks,
    });
  });

  it('says whether an answer to a click replaces the message clicked', () => {
    expect(replyBody(reply, { replaceOriginal: false })).toMatchObject({ replace_original: false });
    expect(replyBody(reply, { replaceOriginal: true })).toMatchObject({ replace_original: true });
  });
});
