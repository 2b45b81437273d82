import { describeZodProblems } from '../config/zod-problems';
import { responseUrlOf } from '../slack/api/reply-target';
import { assertResponseUrl } from '../slack/api/response-url';
import type { StateStore } from '../store/state-store';
import { type Job, jobSchema } from './job';
import { JobDispatchError, type JobDispatcher } from './job-dispatcher';

/** The job breaks the worker's own schema, so it was not started; `problems` are `<field>: <what is wrong>`. */
export class JobRefusedError extends Error {
  override readonly name = 'JobRefusedError';
  constructor(readonly problems: string[]) {
    super(`job refused before it started: ${problems.join('; ')}`);
  }

  /** For the person: `That cannot be started: to: An object key cannot be empty.` */
  get sentence(): string {
    return `That cannot be started: ${this.problems.map((p) => p.replace(/\.$/, '')).join('; ')}.`;
  }
}

/** Long enough to outlive every Slack retry of the request (Slack gives up after three, within minutes). */
const JOB_CLAIM_SECONDS = 60 * 60;

/**
 * Starts a job once; every job the Slack side starts comes through here. It is first checked with the schema the
 * worker parses it with (src/jobs/job.ts), so a request is never acked as started and then dropped by the worker:
 * a job the worker would refuse throws JobRefusedError before anything is claimed or dispatched. The job id (Slack's trigger_id) is claimed with a conditional write first, so a Slack
 * retry of an accepted request finds the claim and starts nothing. If the worker cannot be reached the claim
 * is released, so the person can simply try again. A job whose response URL is not Slack's (forged metadata) is
 * refused with ResponseUrlRefusedError and nothing starts.
 */
export async function acceptJob(
  job: Job,
  deps: { store: StateStore; dispatcher: JobDispatcher; responseUrlHosts: readonly string[] },
): Promise<'accepted' | 'duplicate'> {
  const checked = jobSchema.safeParse(job);
  if (!checked.success) throw new JobRefusedError(describeZodProblems(checked.error));
  const responseUrl = responseUrlOf(job.reply);
  if (responseUrl !== undefined) assertResponseUrl(responseUrl, deps.responseUrlHosts);
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
