import * as z from 'zod';
import { allowListSchema, awsRegion } from '../config/schema-parts';

/** `everyone`, or the Slack users / user groups listed (admins from `slack.admins` are always allowed). */
const whoMaySchema = z.union([z.literal('everyone'), allowListSchema]);

const NOBODY = { users: [], userGroups: [] };

/** Bucket name pattern: S3 name characters plus `*` (any run) and `?` (one character), as in IAM ARNs. */
const namePattern = z.string().regex(/^[a-z0-9.*?-]{1,63}$/, {
  message: 'must be a bucket name pattern such as team-* (lowercase letters, digits, . - and * ?)',
});

/** Who may run each `/aws-bucket` subcommand. Read-only ones default to everyone, the others to admins only. */
const allowSchema = z
  .object({
    ls: whoMaySchema.default('everyone'),
    info: whoMaySchema.default('everyone'),
    create: whoMaySchema.default(NOBODY),
    convert: whoMaySchema.default(NOBODY),
    website: whoMaySchema.default(NOBODY),
    upload: whoMaySchema.default(NOBODY),
  })
  .strict();

export const bucketsConfigSchema = z
  .object({
    /** Account used when a command names none (`account=` overrides). Id or configured name. */
    defaultAccount: z.string().min(1).optional(),
    /** Region for `create` when none is given; default: the bot's own region. */
    defaultRegion: awsRegion.optional(),
    allow: allowSchema.default({
      ls: 'everyone',
      info: 'everyone',
      create: NOBODY,
      convert: NOBODY,
      website: NOBODY,
      upload: NOBODY,
    }),
    /**
     * Per account (id or configured name): the bucket names the bot may create or change there. An account
     * without an entry gets no mutating action at all.
     */
    namePatterns: z.record(z.string().min(1), z.array(namePattern).min(1)).default({}),
    /** `convert` refuses CSV objects larger than this (they are held in memory as JSON). */
    maxConvertBytes: z
      .number()
      .int()
      .positive()
      .max(200 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    /** Upload from Slack refuses files larger than this. */
    maxUploadBytes: z
      .number()
      .int()
      .positive()
      .max(200 * 1024 * 1024)
      .default(50 * 1024 * 1024),
  })
  .strict();

export type BucketsConfig = z.infer<typeof bucketsConfigSchema>;
export type BucketSubcommand = keyof BucketsConfig['allow'];
