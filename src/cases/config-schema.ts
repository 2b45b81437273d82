import * as z from 'zod';
import { scheduleExpression, slackChannel } from '../config/schema-parts';
import { SEVERITIES, SUPPORT_HISTORY_DAYS, windowHoursOf } from './case-query';

const windowText = z.string().refine((text) => windowHoursOf(text) !== undefined, {
  message: 'must be a window such as 24h, 7d or 2w',
});

const casesScheduleSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Read by serverless.yml at deploy time (EventBridge schedule of the casesSchedule function). */
    expression: scheduleExpression.default('cron(0 8 ? * MON *)'),
    /** Where the weekly report goes; defaults to `slack.defaultChannel`. */
    channel: slackChannel.optional(),
    window: windowText.default('7d'),
  })
  .strict();

/** One rule of `cases.live.routes`: cases of these accounts (ids or names) and severities go to these channels. */
const liveRouteSchema = z
  .object({
    accounts: z.array(z.string().min(1)).min(1).optional(),
    severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
    channels: z.array(slackChannel).min(1),
  })
  .strict();

/** Live case updates (supportCaseEvent): one message per case, edited and threaded on every change. */
const liveSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Where a case goes when no route matches; defaults to `slack.defaultChannel`. */
    channel: slackChannel.optional(),
    /** Every matching route adds its channels (like health.routes); none matching: `channel`. */
    routes: z.array(liveRouteSchema).default([]),
  })
  .strict();

export type CasesLiveConfig = z.infer<typeof liveSchema>;

/** `cases:` — `/aws-cases` and the weekly support case report. */
export const casesConfigSchema = z
  .object({
    /** `config`: the accounts listed in `accounts`; `organization`: every ACTIVE account from ListAccounts. */
    accountSource: z.enum(['config', 'organization']).default('config'),
    /**
     * Accounts read at the same time (AssumeRole + DescribeCases). 20 by default, from the limits AWS documents:
     * - STS: every AssumeRole comes from the bot's one account. "IAM and AWS STS quotas"
     *   (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html) lists object and size quotas
     *   but no AssumeRole request rate; "How do I resolve API throttling or 'Rate exceeded' errors for IAM and AWS
     *   STS?" (https://repost.aws/knowledge-center/iam-sts-throttling-error) says the rate limit is per account, can't
     *   be increased, and advises back-off, caching the credentials and spreading calls — so 20 slots, each an
     *   AssumeRole then at least one DescribeCases (≥ 100 ms), keep it under ~100 AssumeRole/s, and cached
     *   credentials make a re-run within the hour call none.
     * - AWS Support API: AWS publishes no DescribeCases request rate; its throttling is met with back-off. Each
     *   DescribeCases is made with that member account's own credentials, so it sees one call at a time per account
     *   whatever this is.
     */
    concurrency: z.number().int().min(1).max(100).default(20),
    /** Attempts per Support call and AssumeRole; a throttled account backs off without holding a slot (collectCases). */
    maxAttempts: z.number().int().min(1).max(10).default(5),
    defaultWindow: windowText.default('7d'),
    /** Support keeps case history for 12 months; longer windows are refused with a usage message. */
    maxWindowDays: z.number().int().min(1).max(SUPPORT_HISTORY_DAYS).default(SUPPORT_HISTORY_DAYS),
    /**
     * Native Slack chart and table (data_visualization, data_table) in reports; a workspace that refuses them
     * (`invalid_blocks`) gets the text form and is remembered for a week.
     */
    nativeBlocks: z.boolean().default(true),
    /** Rows in the "cases that matter most" table (every case is in the CSV). */
    tableRows: z.number().int().min(5).max(40).default(20),
    live: liveSchema.default({ enabled: false, routes: [] }),
    schedule: casesScheduleSchema.default({
      enabled: false,
      expression: 'cron(0 8 ? * MON *)',
      window: '7d',
    }),
  })
  .strict();

export type CasesConfig = z.infer<typeof casesConfigSchema>;

export const CASES_CONFIG_DEFAULTS: CasesConfig = casesConfigSchema.parse({});
