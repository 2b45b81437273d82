import * as z from 'zod';
import { accountId, allowListSchema, slackChannel, slackUserId } from '../config/schema-parts';
import { SUPPORTED_CREATE_EVENTS } from './created-resources';

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

const eventName = z.enum(SUPPORTED_CREATE_EVENTS);

export const autotagConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Report the plan in Slack and the logs; write no tags. */
    dryRun: z.boolean().default(false),
    /** CloudTrail event names to tag (EventBridge also filters them: keep serverless.yml in step). */
    events: z.array(eventName).default([...SUPPORTED_CREATE_EVENTS]),
    /** Event names that get a Slack notice (the others are only tagged). */
    notifyOn: z.array(eventName).default(['RunInstances']),
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
    /** How long a notice can still be retagged from Slack. */
    noticeRetentionDays: z.number().int().min(1).max(400).default(90),
  })
  .strict();

export type AutotagConfig = z.infer<typeof autotagConfigSchema>;
export type TagKeys = AutotagConfig['tagKeys'];

/** The defaults of every field, for `appConfigSchema`'s `.default(...)`. */
export const AUTOTAG_DEFAULTS: AutotagConfig = autotagConfigSchema.parse({});
