import { assertResponseUrl } from '../slack/response-url';
import type { StateStore } from '../store/state-store';
import type { Job } from './job';
import { JobDispatchError, type JobDispatcher } from './job-dispatcher';

/** Long enough to outlive every Slack retry of the request (Slack gives up after three, within minutes). */
const JOB_CLAIM_SECONDS = 60 * 60;

/**
 * Starts a job once. The job id (Slack's trigger_id) is claimed with a conditional write first, so a Slack
 * retry of an accepted request finds the claim and starts nothing. If the worker cannot be reached the claim
 * is released, so the person can simply try again. A job whose response URL is not Slack's (forged metadata) is
 * refused with ResponseUrlRefusedError and nothing starts.
 */
export async function acceptJob(
  job: Job,
  deps: { store: StateStore; dispatcher: JobDispatcher; responseUrlHosts: readonly string[] },
): Promise<'accepted' | 'duplicate'> {
  assertResponseUrl(job.reply.responseUrl, deps.responseUrlHosts);
  const claimed = await deps.store.claim(`job#${job.id}`, JOB_CLAIM_SECONDS, { kind: job.kind });
  if (!claimed) return 'duplicate';
  try {
    await deps.dispatcher.dispatch(job);
  } catch (error) {
    await deps.store.release(`job#${job.id}`).catch(() => undefined);
    throw error instanceof JobDispatchError
      ? error
      : new JobDispatchError('cannot start the worker', { cause: error });
  }
  return 'accepted';
}
