import * as z from 'zod';
import { autotagRetagJobSchema } from '../autotag/retag-job';
import { bucketJobSchemas } from '../buckets/bucket-jobs';
import { caseQuerySchema } from '../cases/case-query';
import { accountRefSchema, replyTargetSchema } from './job-parts';

export { type ReplyTarget, replyTargetSchema } from './job-parts';

const whoamiJobSchema = z.object({
  kind: z.literal('whoami'),
  /** Unique per Slack request (its trigger_id): the idempotency key of the job. */
  id: z.string().min(1),
  reply: replyTargetSchema,
  /** Absent: the bot's own identity. */
  account: accountRefSchema.optional(),
});

const casesJobSchema = z.object({
  kind: z.literal('cases'),
  id: z.string().min(1),
  reply: replyTargetSchema,
  query: caseQuerySchema,
});

/** Every job the Slack function hands to the worker. Features add their job schemas here. */
export const jobSchema = z.discriminatedUnion('kind', [
  whoamiJobSchema,
  casesJobSchema,
  autotagRetagJobSchema,
  ...bucketJobSchemas,
]);

export type Job = z.infer<typeof jobSchema>;
export type JobOfKind<K extends Job['kind']> = Extract<Job, { kind: K }>;
