import * as z from 'zod';
import { clickReplyTargetSchema, replyTargetSchema } from '../slack/api/reply-target';
import { muteScopeSchema } from './mute-scope';

const slackUser = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);
const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,20}$/);
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
const base = {
  /** Unique per Slack request (its trigger_id or view id): the idempotency key of the job. */
  id: z.string().min(1).max(200),
  reply: replyTargetSchema,
  actor: slackUser,
};

/** "I'm on it" clicked on the alert at (channelId, ts): bound to that message, never to a value in the click. */
export const healthWatchJobSchema = z.object({
  kind: z.literal('health.watch'),
  ...base,
  channelId,
  ts: messageTs,
});

/** A mute submitted from the modal of the alert at (channelId, ts); the scope must be one that alert offers. */
export const healthMuteJobSchema = z.object({
  kind: z.literal('health.mute'),
  ...base,
  channelId,
  ts: messageTs,
  scope: muteScopeSchema,
  until: z.iso.datetime(),
});

/** Unmute clicked on a mute's thread reply (channelId, ts) or in the ephemeral `/aws-health mutes` list. */
export const healthUnmuteJobSchema = z.object({
  kind: z.literal('health.unmute'),
  ...base,
  /** The click's response_url, or the person's DM for Unmute on the Home tab. */
  reply: clickReplyTargetSchema,
  muteId: z.string().regex(/^mute-[\w-]{1,80}$/),
  /** Absent for a click on an ephemeral message or the Home tab (no lasting message to bind to). */
  message: z.object({ channelId, ts: messageTs }).optional(),
});

/** `/aws-health [mutes | <event ARN or id>]`, answered ephemerally. */
export const healthShowJobSchema = z.object({
  kind: z.literal('health.show'),
  id: base.id,
  reply: replyTargetSchema,
  query: z.discriminatedUnion('what', [
    z.object({ what: z.literal('open') }),
    z.object({ what: z.literal('mutes') }),
    z.object({
      what: z.literal('event'),
      eventArn: z.string().min(1).max(1000).optional(),
      eventId: z.string().min(1).max(300).optional(),
    }),
  ]),
  /** The person may unmute (checked by the Slack function, which can read user groups): Unmute buttons shown. */
  canUnmute: z.boolean(),
});

/** "Post as alert" clicked on line `index` of the digest at (channelId, ts). */
export const healthExpandJobSchema = z.object({
  kind: z.literal('health.expand'),
  ...base,
  channelId,
  ts: messageTs,
  index: z.number().int().min(0).max(49),
});

export const healthJobSchemas = [
  healthExpandJobSchema,
  healthWatchJobSchema,
  healthMuteJobSchema,
  healthUnmuteJobSchema,
  healthShowJobSchema,
] as const;

export type HealthWatchJob = z.infer<typeof healthWatchJobSchema>;
export type HealthMuteJob = z.infer<typeof healthMuteJobSchema>;
export type HealthUnmuteJob = z.infer<typeof healthUnmuteJobSchema>;
export type HealthExpandJob = z.infer<typeof healthExpandJobSchema>;
export type HealthShowJob = z.infer<typeof healthShowJobSchema>;
