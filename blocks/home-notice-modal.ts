import type { KnownBlock, ModalView } from '@slack/types';
import { plainText, type SlackMessage } from './message';

/** What a click on the Home tab says at once (Slack gives a view no response_url): a small modal. */
export function homeNoticeModal(reply: SlackMessage): ModalView {
  return {
    type: 'modal',
    title: plainText('aws-chatops'),
    close: plainText('Close'),
    blocks: reply.blocks as KnownBlock[],
  };
}
