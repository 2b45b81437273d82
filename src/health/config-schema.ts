import * as z from 'zod';
import { allowListSchema, slackChannel } from '../config/schema-parts';

export const HEALTH_CATEGORIES = [
  'issue',
  'accountNotification',
  'scheduledChange',
  'investigation',
] as const;
export const HEALTH_STATUSES = ['upcoming', 'open', 'closed'] as const;

/** `AWS_EC2_*`, `*_OPERATIONAL_NOTIFICATION`: `*` any run of characters, `?` one; case-insensitive. */
const glob = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w*?.:/-]+$/, { message: 'must be a name or a glob (letters, digits, _ - . : / and * ?)' });

/**
 * What an event must look like for a rule to apply. Every listed key must match (AND); within a key any entry
 * may match (OR); a key left out matches everything.
 */
const matchShape = {
  /** A name people see in the logs ("sent by rule prod-issues"). */
  name: z.string().min(1).max(80).optional(),
  categories: z.array(z.enum(HEALTH_CATEGORIES)).min(1).optional(),
  /** Health service codes (`EC2`, `RDS`, `CLOUDFORMATION`), globs allowed. */
  services: z.array(glob).min(1).optional(),
  /** eventTypeCode allow-list, globs allowed. */
  eventTypes: z.array(glob).min(1).optional(),
  /** eventTypeCode deny-list, globs allowed: an event matching one of these never matches the rule. */
  excludeEventTypes: z.array(glob).min(1).optional(),
  /** Account ids or names from `accounts`. */
  accounts: z.array(z.string().min(1)).min(1).optional(),
  /** Regions (`eu-west-1`, `global`), globs allowed (`eu-*`). */
  regions: z.array(glob).min(1).optional(),
  statuses: z.array(z.enum(HEALTH_STATUSES)).min(1).optional(),
};

export const healthMatchSchema = z.object(matchShape).strict();

const routeSchema = z
  .object({
    ...matchShape,
    channels: z.array(slackChannel).min(1).max(10),
    /**
     * `hourly` or `daily HH:MM` (UTC): this route's events are not posted one by one but as one digest message per
     * channel and period, each with a button to post it as a full alert.
     */
    digest: z
      .string()
      .regex(/^(hourly|daily ([01]\d|2[0-3]):[0-5]\d)$/, { message: 'must be hourly or daily HH:MM (UTC)' })
      .optional(),
    /** Who reminders of scheduled changes mention in this route's channels: a user (U…), a user group (S…), here or channel. */
    mention: z
      .string()
      .regex(/^(here|channel|[SUW][A-Z0-9]{2,20})$/, {
        message: 'must be a Slack user id, a user group id (S…), here or channel',
      })
      .optional(),
  })
  .strict();

/** `7d`, `1d`, `1h`, `30m`: how long before a scheduled change starts a reminder is sent. */
export const reminderOffset = z
  .string()
  .regex(/^[1-9]\d{0,3}[mhd]$/, { message: 'must be a duration such as 7d, 1d, 1h or 30m' });

export function offsetMs(offset: string): number {
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[offset.slice(-1) as 'm' | 'h' | 'd'];
  return Number(offset.slice(0, -1)) * unit;
}

const muteSchema = z
  .object({
    ...matchShape,
    /** A mute that ends by itself (ISO date-time), e.g. during a planned migration. */
    until: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const airtableSchema = z
  .object({
    /** Requests per second to the Airtable base, for the whole bot (Airtable allows 5). */
    requestsPerSecond: z.number().min(0.1).max(5).default(4),
    /** How long a Health invocation may spend writing to Airtable after Slack is done. */
    flushBudgetSeconds: z.number().int().min(1).max(60).default(10),
    /** Attempts per request before the rows stay in the outbox for the scheduled retry. */
    attempts: z.number().int().min(1).max(5).default(3),
    /** After a 429 Airtable asks for 30 s of silence; every writer of the base waits this long. */
    rateLimitPauseSeconds: z.number().int().min(1).max(60).default(30),
  })
  .strict();

const reconcileSchema = z
  .object({
    /** `organization`: DescribeEventsForOrganization (management / delegated-admin account); `account`: DescribeEvents. */
    view: z.enum(['organization', 'account']).default('organization'),
    /** Events updated this far back are compared with the state table on every run. */
    lookbackHours: z.number().int().min(1).max(72).default(6),
    /** The first run after deploy brings in every open and upcoming event once; `false` only the lookback window. */
    firstRunOpenEvents: z.boolean().default(true),
  })
  .strict();

export const healthConfigSchema = z
  .object({
    /** Where an event goes when no route matches; `[]` sends it nowhere (logged). Default: slack.defaultChannel. */
    defaultChannels: z.array(slackChannel).max(10).optional(),
    /** Every route that matches adds its channels. */
    routes: z.array(routeSchema).default([]),
    /** An event matching a mute is posted nowhere (still recorded in Airtable); messages already posted keep updating. */
    mute: z.array(muteSchema).default([]),
    /** Thread reminders before a scheduled change starts (healthReminders, every 5 minutes); `[]` sends none. */
    reminders: z.array(reminderOffset).max(10).default(['7d', '1d', '1h']),
    /** healthReconcile: reads the Health API so an event EventBridge did not deliver still arrives. */
    reconcile: reconcileSchema.default({ view: 'organization', lookbackHours: 6, firstRunOpenEvents: true }),
    /** Who may mute and unmute alerts from Slack, besides slack.admins. */
    muteAllowed: allowListSchema.default({ users: [], userGroups: [] }),
    /** Who may subscribe to alerts by DM, besides slack.admins. Absent: every member of the workspace. */
    subscribeAllowed: allowListSchema.optional(),
    /** Slack messages per second per channel, for the whole bot (Slack allows about 1). */
    slackMessagesPerSecond: z.number().min(0.1).max(1).default(0.9),
    airtable: airtableSchema.default({
      requestsPerSecond: 4,
      flushBudgetSeconds: 10,
      attempts: 3,
      rateLimitPauseSeconds: 30,
    }),
  })
  .strict();

export type HealthConfig = z.infer<typeof healthConfigSchema>;
export type HealthMatch = z.infer<typeof healthMatchSchema>;
export type HealthRoute = HealthConfig['routes'][number];
export type HealthMute = HealthConfig['mute'][number];

export const HEALTH_CONFIG_DEFAULTS: HealthConfig = healthConfigSchema.parse({});
