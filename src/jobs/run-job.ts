import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { logger, withCorrelation } from '../logging/logger';
import type { Job, JobOfKind } from './job';
import { runAutotagRetag } from './runners/autotag-retag';
import {
  runBucketConvert,
  runBucketCreate,
  runBucketInfo,
  runBucketList,
  runBucketUpload,
  runBucketWebsite,
} from './runners/bucket';
import { runCases } from './runners/cases';
import { runWhoami } from './runners/whoami';
import type { WorkerDeps } from './worker-deps';

/** A runner returns the answer, or undefined when it answered itself (several posts, files…). */
type Runner<K extends Job['kind']> = (job: JobOfKind<K>, deps: WorkerDeps) => Promise<SlackReply | undefined>;
type Runners = { [K in Job['kind']]: Runner<K> };

/** One runner per job kind; features add theirs. */
const RUNNERS: Runners = {
  whoami: runWhoami,
  cases: runCases,
  'autotag-retag': runAutotagRetag,
  'bucket.ls': runBucketList,
  'bucket.info': runBucketInfo,
  'bucket.create': runBucketCreate,
  'bucket.convert': runBucketConvert,
  'bucket.website': runBucketWebsite,
  'bucket.upload': runBucketUpload,
};

/** Longer than the worker's 15-minute timeout plus Lambda's retries of an asynchronous invoke. */
const RUN_CLAIM_SECONDS = 2 * 60 * 60;

/**
 * Runs one job and answers through its response_url, replacing the "working on it" line. When the job fails the
 * person is told what went wrong instead (nobody waits for nothing). Only when Slack cannot be told either does
 * the error propagate (and the run claim is given back), so Lambda retries and finally keeps the job in the
 * on-failure destination. The same job delivered twice (asynchronous invokes are at-least-once) runs once.
 */
export async function runJob(job: Job, deps: WorkerDeps): Promise<void> {
  withCorrelation({ jobId: job.id, slackTrigger: job.id, function: 'slack-worker' });
  const runKey = `run#${job.kind}#${job.id}`;
  if (!(await deps.store.claim(runKey, RUN_CLAIM_SECONDS))) {
    logger.info('job already ran or is running: duplicate delivery ignored', { kind: job.kind });
    return;
  }
  try {
    await runAndAnswer(job, deps);
  } catch (error) {
    await deps.store.release(runKey).catch(() => undefined);
    throw error;
  }
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
  if (reply)
    await deps.respond(job.reply.responseUrl, reply, { replaceOriginal: job.reply.replaceOriginal ?? true });
}
