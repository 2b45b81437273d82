import { describeZodProblems } from '../config/zod-problems';
import { acceptJob } from '../jobs/accept-job';
import { type Job, jobSchema } from '../jobs/job';

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

/**
 * Every job the Slack side starts goes through here: it is checked with the schema the worker parses it with
 * (src/jobs/job.ts), so a request is never acked as started and then dropped by the worker; then it is started
 * once (acceptJob). Throws JobRefusedError, before anything is claimed or dispatched, for a job the worker
 * would refuse.
 */
export async function startJob(
  job: Job,
  deps: Parameters<typeof acceptJob>[1],
): Promise<Awaited<ReturnType<typeof acceptJob>>> {
  const checked = jobSchema.safeParse(job);
  if (!checked.success) throw new JobRefusedError(describeZodProblems(checked.error));
  return acceptJob(job, deps);
}
