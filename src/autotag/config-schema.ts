import * as z from 'zod';
import { accountId, allowListSchema, slackChannel, slackUserId } from '../config/schema-parts';
import { SUPPORTED_CREATE_EVENTS } from './created-resources';
import { RESOURCE_TYPES, TAGGED_CALLS } from './tagged-call-table';

/** A tag key the bot writes: AWS rules (≤ 128 characters, no `aws:` prefix, tag-safe characters). */
const tagKey = z
  .string()
  .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u, {
    message: 'must be a tag key: 1–128 letters, digits, spaces and _ . : / = + - @',
  })
  .refine((key) => !key.toLowerCase().startsWith('aws:'), { message: 'must not start with aws:' });

const tagKeysSchema = z
  .object({
    /** Readable creator, e.g. `alice@example.com via SSO AdministratorAccess`. */
    creator: tagKey.default('CreatedBy'),
    /** The full ARN of the identity that made the call. */
    creatorArn: tagKey.default('CreatedByArn'),
    createdAt: tagKey.default('CreatedAt'),
    /** Who owns it: starts as the person who launched it; Retag in Slack changes it. */
    owner: tagKey.default('Owner'),
    /** On volumes and network interfaces of an instance: the instance id. */
    instanceId: tagKey.default('InstanceId'),
  })
  .strict();

/** An EC2 create call by name (as before the table) or any resource type of the table (`rds:db`, `s3:bucket`). */
const tagTarget = z.enum([...SUPPORTED_CREATE_EVENTS, ...RESOURCE_TYPES]);
const NON_EC2_TYPES = [
  ...new Set(TAGGED_CALLS.filter((row) => row.tagApi !== 'ec2-create-tags').map((row) => row.resourceType)),
];

/** Not-ready retries: 30 s, 1, 2, 4 and 7.5 minutes later — 15 minutes in all, then "could not tag". */
export const NOT_READY_DELAYS = [30, 60, 120, 240, 450];

export const autotagConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Report the plan in Slack and the logs; write no tags. */
    dryRun: z.boolean().default(false),
    /** What to tag: EC2 create calls by name and resource types of the table (default: all of them). */
    events: z.array(tagTarget).default([...SUPPORTED_CREATE_EVENTS, ...NON_EC2_TYPES]),
    /** EC2 call names or resource types that get a Slack notice (the others are only tagged). */
    notifyOn: z.array(tagTarget).default(['RunInstances']),
    /**
     * Seconds before each retry of a resource that refused tags because it is still being created (an SQS delay,
     * no Lambda waits). Each ≤ 900 and all together ≤ 900: after the last, it is reported as "could not tag".
     */
    notReadyDelaysSeconds: z
      .array(z.number().int().min(1).max(900))
      .max(10)
      .refine((delays) => delays.reduce((a, b) => a + b, 0) <= 900, {
        message: 'must add up to at most 900 seconds (15 minutes)',
      })
      .default(NOT_READY_DELAYS),
    /**
     * Where Identity Center users are looked up by id (identitystore DescribeUser) to tag their name: the
     * region of the Identity Center instance, and the account (management or delegated administrator) when it is
     * not the bot's own — reached through its `roles.autotag` role.
     */
    identityCenter: z
      .object({ region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/), accountId: accountId.optional() })
      .strict()
      .optional(),
    /** Launches made by AWS services (Auto Scaling, Spot Fleet) are tagged but not announced unless true. */
    notifyServiceLaunches: z.boolean().default(false),
    /** Notice channel; defaults to slack.defaultChannel. `channelByAccount` routes one account elsewhere. */
    channel: slackChannel.optional(),
    channelByAccount: z.record(accountId, slackChannel).default({}),
    tagKeys: tagKeysSchema.default({
      creator: 'CreatedBy',
      creatorArn: 'CreatedByArn',
      createdAt: 'CreatedAt',
      owner: 'Owner',
      instanceId: 'InstanceId',
    }),
    /** Existing values of these keys (e.g. an Owner set by Terraform) are kept unless this is true. */
    overwriteExisting: z.boolean().default(false),
    /** Who may retag besides slack.admins; the resolved launcher may always retag their own resources. */
    retagAllowed: allowListSchema.default({ users: [], userGroups: [] }),
    creatorMayRetag: z.boolean().default(true),
    /** Who may run `/aws-tag backfill` besides slack.admins. */
    backfillAllowed: allowListSchema.default({ users: [], userGroups: [] }),
    /** Creator (IAM user, session or email, Identity Center user id) → Slack user, when e-mail lookup cannot tell. */
    people: z.record(z.string().min(1), slackUserId).default({}),
    /** Find the launcher's Slack user by e-mail (needs the users:read.email scope). */
    lookUpSlackUsersByEmail: z.boolean().default(true),
    /** DescribeInstances right after launch can answer InvalidInstanceID.NotFound: retried with backoff. */
    describeRetry: z
      .object({
        attempts: z.number().int().min(1).max(10).default(5),
        firstDelayMs: z.number().int().min(0).max(10_000).default(1000),
      })
      .strict()
      .default({ attempts: 5, firstDelayMs: 1000 }),
    /** Regions `/aws-owner` and `/aws-tag backfill` search in accounts without `regions` (default: the bot's). */
    lookupRegions: z
      .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/))
      .min(1)
      .optional(),
    /** How long a notice can still be retagged from Slack. */
    noticeRetentionDays: z.number().int().min(1).max(400).default(90),
  })
  .strict();

export type AutotagConfig = z.infer<typeof autotagConfigSchema>;
export type TagKeys = AutotagConfig['tagKeys'];

/** The defaults of every field, for `appConfigSchema`'s `.default(...)`. */
export const AUTOTAG_DEFAULTS: AutotagConfig = autotagConfigSchema.parse({});
