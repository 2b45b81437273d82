import type { AckFn, RespondArguments, SlashCommand } from '@slack/bolt';
import type { CommandDoc } from '../../../blocks/help';
import { usageReply } from '../../../blocks/help';
import { noticeReply } from '../../../blocks/notice';
import { acceptJob, JobRefusedError } from '../../jobs/accept-job';
import type { Job } from '../../jobs/job';
import { logger } from '../../lambda/logger';
import type { ReplyTarget } from '../api/reply-target';
import { toRespondArguments } from './bolt-reply';
import type { SlackAppDeps } from './deps';

export type CommandAck = AckFn<string | RespondArguments>;

export function replyTargetOf(command: SlashCommand): ReplyTarget {
  return {
    responseUrl: command.response_url,
    userId: command.user_id,
    channelId: command.channel_id,
    teamId: command.team_id,
  };
}

/**
 * The ack-then-worker step of a command: start the job once, then ack with a short "working on it" line.
 * A Slack retry of the same request (same trigger_id) is acked with an empty body and starts nothing; a job the
 * worker would refuse is not started, and the person gets what was wrong and the usage of `doc`.
 */
export async function startJobAndAck(
  job: Job,
  ack: CommandAck,
  deps: SlackAppDeps,
  workingText: string,
  doc: CommandDoc,
): Promise<void> {
  try {
    const outcome = await acceptJob(job, deps);
    if (outcome === 'duplicate') {
      logger.info('Slack retry of an accepted request: no second job', { jobId: job.id, kind: job.kind });
      await ack();
      return;
    }
    logger.info('job handed to the worker', { jobId: job.id, kind: job.kind });
    await ack(toRespondArguments(noticeReply('working', workingText)));
  } catch (error) {
    if (error instanceof JobRefusedError) {
      logger.warn('job refused before it started', {
        jobId: job.id,
        kind: job.kind,
        problems: error.problems,
      });
      await ack(toRespondArguments(usageReply(error.sentence, doc)));
      return;
    }
    logger.error('could not start job', { jobId: job.id, kind: job.kind, error });
    await ack(
      toRespondArguments(
        noticeReply('problem', 'Could not start that just now.', 'Please try again in a minute.'),
      ),
    );
  }
}
