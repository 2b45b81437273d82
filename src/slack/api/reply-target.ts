import * as z from 'zod';

/** Where the worker sends its answer: the command's response_url, on behalf of the person who asked. */
export const replyTargetSchema = z.object({
  responseUrl: z.url(),
  userId: z.string().min(1),
  channelId: z.string().min(1),
  teamId: z.string().optional(),
  /** false: answer with a new ephemeral message (a click on a channel message must not replace it). */
  replaceOriginal: z.boolean().optional(),
});

export type ReplyTarget = z.infer<typeof replyTargetSchema>;
