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

/**
 * A click on the Home tab has no response_url (Slack gives none for a view): the worker answers in the person's
 * DM with the bot (chat.postMessage to the user id), which Slack shows in the app's Messages tab.
 */
export const homeReplyTargetSchema = z.object({
  home: z.literal(true),
  userId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/),
});

/** Where a job that can come from a message or from the Home tab answers. */
export const clickReplyTargetSchema = z.union([replyTargetSchema, homeReplyTargetSchema]);

export type HomeReplyTarget = z.infer<typeof homeReplyTargetSchema>;
export type AnyReplyTarget = ReplyTarget | HomeReplyTarget;

/** The response_url to answer through; undefined for a Home click. */
export function responseUrlOf(reply: AnyReplyTarget): string | undefined {
  return 'responseUrl' in reply ? reply.responseUrl : undefined;
}
