import type { ModalView } from '@slack/types';
import { bucketNoticeModal } from '../../../../blocks/bucket-website-modal';
import { noticeReply } from '../../../../blocks/notice';
import type { JobStart } from '../../../jobs/start-job';
import { logger } from '../../../lambda/logger';
import { respondToUrl } from '../../api/response-url';
import type { SlackAppDeps } from '../deps';

/**
 * What a bucket modal shows when its job did not start (the worker's refusal, or a try-again), or undefined when it
 * started or was started by an earlier delivery: the modal just closes.
 */
export function notStartedModal(
  start: JobStart,
  words: { refusedTitle: string; failed: string },
): ModalView | undefined {
  if (start.status === 'refused') return bucketNoticeModal(words.refusedTitle, start.sentence);
  if (start.status === 'failed') return bucketNoticeModal('Not started', words.failed);
  return undefined;
}

/** The working line at the command's response_url once the modal closed; a failure to post it is only logged. */
export async function postWorkingLine(
  responseUrl: string,
  working: string,
  deps: Pick<SlackAppDeps, 'responseUrlHosts'>,
): Promise<void> {
  await respondToUrl(responseUrl, noticeReply('working', working), {
    allowedHosts: deps.responseUrlHosts,
  }).catch((error: unknown) => logger.warn('could not post the working line', { error }));
}
