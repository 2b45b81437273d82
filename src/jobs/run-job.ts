import { setTimeout as delay } from 'node:timers/promises';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { runAutotagBackfillScan } from '../autotag/run-backfill-scan';
import { runAutotagBackfillTag } from '../autotag/run-backfill-tag';
import { runAutotagOwner } from '../autotag/run-owner-job';
import { runAutotagRetag } from '../autotag/run-retag-job';
import {
  runBucketConvert,
  runBucketCreate,
  runBucketInfo,
  runBucketList,
  runBucketUpload,
  runBucketWebsite,
} from '../buckets/bucket-job-runners';
import { runCaseDetails } from '../cases/run-case-details-job';
import { runCases } from '../cases/run-cases-job';
import { runHealthExpand } from '../health/run-expand-job';
import { runHealthMute, runHealthUnmute } from '../health/run-mute-jobs';
import { runHealthShow } from '../health/run-show-job';
import { runHealthWatch } from '../health/run-watch-job';
import { sendToFailureQueue } from '../lambda/failure-queue';
import { logger, withCorrelation } from '../lambda/logger';
import { responseUrlOf } from '../slack/api/reply-target';
import { responseUrlProblem } from '../slack/api/response-url';
import { runWhoami } from '../whoami/run-whoami-job';
import type { Job, JobOfKind } from './job';
import { startRun } from './run-lease';
import type { WorkerDeps } from './worker-deps';

/** A runner returns the answer, or undefined when it answered itself (several posts, files…). */
type Runner<K extends Job['kind']> = (job: JobOfKind<K>, deps: WorkerDeps) => Promise<SlackReply | undefined>;
type Runners = { [K in Job['kind']]: Runner<K> };

/** One runner per job kind; features add theirs. */
const RUNNERS: Runners = {
  whoami: runWhoami,
  cases: runCases,
  'cases.details': runCaseDetails,
  'autotag-retag': runAutotagRetag,
  'autotag-owner': runAutotagOwner,
  'autotag-backfill-scan': runAutotagBackfillScan,
  'autotag-backfill-tag': runAutotagBackfillTag,
  'bucket.ls': runBucketList,
  'bucket.info': runBucketInfo,
  'bucket.create': runBucketCreate,
  'bucket.convert': runBucketConvert,
  'bucket.website': runBucketWebsite,
  'bucket.upload': runBucketUpload,
  'health.watch': runHealthWatch,
  'health.mute': runHealthMute,
  'health.unmute': runHealthUnmute,
  'health.show': runHealthShow,
  'health.expand': runHealthExpand,
};

/**
 * Runs one job and answers through its response_url, replacing the "working on it" line. When the job fails the
 * person is told what went wrong instead (nobody waits for nothing). Only when Slack cannot be told either does
 * the error propagate (and the run may start again), so Lambda retries and finally keeps the job in the
 * on-failure destination. The same job delivered twice (asynchronous invokes are at-least-once) runs once; a
 * delivery that finds the run killed (timeout, out of memory: its lease lapsed, see run-lease.ts) tells the
 * person and keeps the job in the failure queue, where a killed run would otherwise never arrive. A job whose
 * response URL is not Slack's is dropped.
 */
export async function runJob(job: Job, deps: WorkerDeps): Promise<void> {
  withCorrelation({ jobId: job.id, slackTrigger: job.id, function: 'slack-worker' });
  const responseUrl = responseUrlOf(job.reply);
  const urlProblem = responseUrl !== undefined && responseUrlProblem(responseUrl, deps.responseUrlHosts);
  if (urlProblem) {
    logger.warn("job dropped: its response URL is not Slack's", { kind: job.kind, problem: urlProblem });
    return;
  }
  const start = await startRun(deps.store, `${job.kind}#${job.id}`, {
    nowMs: () => deps.now().getTime(),
    sleep: deps.sleep ?? delay,
  });
  if (start.outcome === 'duplicate') {
    logger.info('job already ran or is running: duplicate delivery ignored', { kind: job.kind, ...start });
    return;
  }
  if (start.outcome === 'died') {
    logger.error('job killed before it answered (timeout or out of memory)', {
      kind: job.kind,
      ranSeconds: start.ranSeconds,
    });
    await answer(job, diedReply(start.ranSeconds), replaceOriginal(job), deps);
    await start.lease.finish();
    await sendToFailureQueue(deps.failureQueue ?? {}, 'slackWorker', 'killed', job, {
      ranSeconds: start.ranSeconds,
    });
    return;
  }
  try {
    await start.lease.keepAliveWhile(() => runAndAnswer(job, deps));
  } catch (error) {
    await start.lease.giveUp().catch(() => undefined);
    throw error;
  }
  await start.lease.finish();
}

function diedReply(ranSeconds: number): SlackReply {
  const took = ranSeconds >= 90 ? `about ${Math.round(ranSeconds / 60)} min` : `about ${ranSeconds} s`;
  return noticeReply(
    'problem',
    `This took too long or ran out of memory: the worker stopped after ${took} without an answer.`,
    "Try a smaller request (a shorter window, one account); if it keeps failing, the bot's logs have the details under this request.",
  );
}

async function runAndAnswer(job: Job, deps: WorkerDeps): Promise<void> {
  const runner = RUNNERS[job.kind] as (job: Job, deps: WorkerDeps) => Promise<SlackReply | undefined>;
  let reply: SlackReply | undefined;
  try {
    reply = await runner(job, deps);
    logger.info('job done', { kind: job.kind });
  } catch (error) {
    logger.error('job failed', { kind: job.kind, error });
    const name = (error as { name?: string }).name ?? 'Error';
    reply = noticeReply(
      'problem',
      `That did not work (${name}): ${(error as Error).message}`,
      "Try again; if it keeps failing, the bot's logs have the details under this request.",
    );
  }
  if (reply) await answer(job, reply, replaceOriginal(job), deps);
  // A Home click (Unmute, Retag, It's mine) changed what the Home shows: draw it again, done or refused.
  if ('home' in job.reply)
    await deps.refreshHome?.(job.reply.userId).catch((error: unknown) => {
      logger.warn('Home not re-published after the job', { kind: job.kind, error });
    });
}

const replaceOriginal = (job: Job): boolean =>
  'replaceOriginal' in job.reply ? (job.reply.replaceOriginal ?? true) : true;

/** Through the response_url; a Home click (which has none) is answered in the person's DM with the bot. */
async function answer(job: Job, reply: SlackReply, replace: boolean, deps: WorkerDeps): Promise<void> {
  if ('responseUrl' in job.reply)
    return deps.respond(job.reply.responseUrl, reply, { replaceOriginal: replace });
  await deps.sink.post(job.reply.userId, reply);
}
