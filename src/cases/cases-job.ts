import * as z from 'zod';
import { replyTargetSchema } from '../slack/api/reply-target';
import { caseQuerySchema } from './case-query';

/** `/aws-cases …` handed to the worker. */
export const casesJobSchema = z.object({
  kind: z.literal('cases'),
  /** Unique per Slack request (its trigger_id): the idempotency key of the job. */
  id: z.string().min(1),
  reply: replyTargetSchema,
  query: caseQuerySchema,
});

export type CasesJob = z.infer<typeof casesJobSchema>;
