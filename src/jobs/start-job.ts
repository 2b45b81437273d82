import { logger } from '../lambda/logger';
import { acceptJob, JobRefusedError } from './accept-job';
import type { Job } from './job';

/** How starting a job went, for the listener to answer with (a working line, the usage, a retry notice…). */
export type JobStart =
  | { status: 'started' }
  /** A Slack retry of a request whose job already started: answer nothing new. */
  | { status: 'duplicate' }
  /** The worker's schema refuses it; `sentence` says why, for the person. */
  | { status: 'refused'; sentence: string; problems: readonly string[] }
  /** The worker could not be reached (the claim was released: trying again works). */
  | { status: 'failed' };

/** {@link acceptJob}, logged, as an outcome instead of an exception: every listener answers each case. */
export async function startJob(job: Job, deps: Parameters<typeof acceptJob>[1]): Promise<JobStart> {
  const context = { jobId: job.id, kind: job.kind };
  try {
    if ((await acceptJob(job, deps)) === 'duplicate') {
      logger.info('Slack retry of an accepted request: no second job', context);
      return { status: 'duplicate' };
    }
    logger.info('job handed to the worker', context);
    return { status: 'started' };
  } catch (error) {
    if (!(error instanceof JobRefusedError)) {
      logger.error('could not start job', { ...context, error });
      return { status: 'failed' };
    }
    logger.warn('job refused before it started', { ...context, problems: error.problems });
    return { status: 'refused', sentence: error.sentence, problems: error.problems };
  }
}
