import * as z from 'zod';
import { clickReplyTargetSchema } from '../slack/api/reply-target';

const slackUser = z.string().regex(/^[UW][A-Z0-9]{2,}$/);

/**
 * Retag (from the modal) or "It's mine" (from the button): the worker writes the owner tag on every resource of
 * the notice, edits the notice, replies in its thread and audits. Only ids are carried; the notice is read again.
 */
export const autotagRetagJobSchema = z.object({
  kind: z.literal('autotag-retag'),
  /** The view id or trigger id of the request: a Slack retry carries the same one. */
  id: z.string().min(1),
  /** The click's response_url, or the person's DM for a click on the Home tab. */
  reply: clickReplyTargetSchema,
  noticeId: z.string().min(1).max(100),
  actor: slackUser,
  owner: z.union([z.object({ slackUserId: slackUser }), z.object({ text: z.string().min(1).max(1000) })]),
  /** "It's mine": the actor confirms (and becomes the owner). */
  confirm: z.boolean(),
});

export type AutotagRetagJob = z.infer<typeof autotagRetagJobSchema>;
