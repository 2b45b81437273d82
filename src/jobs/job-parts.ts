import * as z from 'zod';

export { type ReplyTarget, replyTargetSchema } from './reply-target';

/** An account a job acts in, as resolved from what the person typed. */
export const accountRefSchema = z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().optional() });
