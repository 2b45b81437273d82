import { describe, expect, it } from 'vitest';
import { noticeReply } from '../../../blocks/notice';
import { toRespondArguments } from '../../../src/slack/app/bolt-reply';

describe('toRespondArguments', () => {
  const reply = noticeReply('working', 'Listing buckets…', undefined, 'in_channel');

  it('gives a slash command ack body: who sees it, the fallback text and the blocks, nothing to replace', () => {
    expect(toRespondArguments(reply)).toEqual({
      response_type: 'in_channel',
      text: 'Listing buckets…',
      blocks: reply.blocks,
    });
  });

  it('says whether an answer to a click replaces the message clicked', () => {
    expect(toRespondArguments(reply, { replaceOriginal: false })).toMatchObject({ replace_original: false });
    expect(toRespondArguments(reply, { replaceOriginal: true })).toMatchObject({ replace_original: true });
  });
});
