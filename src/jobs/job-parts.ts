import * as z from 'zod';

/** Where the worker sends its answer: the command's response_url, on behalf of the person who asked. */
export const replyTargetSchema = z.object({
  responseUrl: z.url(),
  userId: z.string().min(1),
  channelId: z.string().min(1),
  teamId: z.string().optional(),
});

export type ReplyTarget = z.infer<typeof replyTargetSchema>;

export const accountRefSchema = z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().optional() });
