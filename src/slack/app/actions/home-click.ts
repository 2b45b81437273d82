import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { homeNoticeModal } from '../../../../blocks/home-notice-modal';
import { noticeReply } from '../../../../blocks/notice';
import type { JobStart } from '../../../jobs/start-job';
import { logger } from '../../../lambda/logger';

/** Who clicked which Home button: the value names the notice or mute; the person is Slack's, never the value's. */
export function homeClickOf(body: BlockAction<ButtonAction>, action: ButtonAction) {
  return { userId: body.user.id, value: action.value ?? '', triggerId: body.trigger_id };
}

/** Tells the person at once, in a small modal over the Home tab (a view has no response_url to answer). */
export async function answerHomeClick(
  client: WebClient,
  triggerId: string,
  kind: 'working' | 'problem',
  text: string,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: homeNoticeModal(noticeReply(kind, text)) });
  } catch (error) {
    // An expired trigger (Slack allows 3 s): the worker's DM still tells the person how it went.
    logger.warn('Home click answer not shown', { error });
  }
}

/** The answer to a Home click whose job was handed to the worker (which then answers in the person's DM). */
export function homeStartAnswer(
  start: JobStart,
  working: string,
): { kind: 'working' | 'problem'; text: string } | undefined {
  switch (start.status) {
    case 'started':
      return { kind: 'working', text: `${working} The result arrives in your DM with the bot.` };
    case 'duplicate':
      return undefined;
    case 'refused':
      return { kind: 'problem', text: `Nothing was changed. ${start.sentence}` };
    case 'failed':
      return { kind: 'problem', text: 'Could not start that just now. Please try again in a minute.' };
  }
}
