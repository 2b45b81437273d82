import * as z from 'zod';
import { accountRefSchema } from '../aws/account-ref';
import { replyTargetSchema } from '../slack/api/reply-target';

/** `/aws-whoami [account]` handed to the worker. */
export const whoamiJobSchema = z.object({
  kind: z.literal('whoami'),
  /** Unique per Slack request (its trigger_id): the idempotency key of the job. */
  id: z.string().min(1),
  reply: replyTargetSchema,
  /** Absent: the bot's own identity. */
  account: accountRefSchema.optional(),
});

export type WhoamiJob = z.infer<typeof whoamiJobSchema>;
