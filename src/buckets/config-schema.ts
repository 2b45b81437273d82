import * as z from 'zod';
import { allowListSchema, awsRegion } from '../config/schema-parts';

/** `everyone`, or the Slack users / user groups listed (admins from `slack.admins` are always allowed). */
const whoMaySchema = z.union([z.literal('everyone'), allowListSchema]);

const NOBODY = { users: [], userGroups: [] };

/** Bucket name pattern: S3 name characters plus `*` (any run) and `?` (one character), as in IAM ARNs. */
const namePattern = z.string().regex(/^[a-z0-9.*?-]{1,63}$/, {
  message: 'must be a bucket name pattern such as team-* (lowercase letters, digits, . - and * ?)',
});

const KB = 1024;
const MB = 1024 * KB;
const MAX_SIZE = 200 * MB;

/**
 * A size such as `20 MB`, `512 KB` or `1048576` (bytes), up to 200 MB (the worker holds the data in memory).
 * Written as text so the config reads like what it means.
 */
const byteSize = z
  .string()
  .regex(/^\d+\s*(B|KB|MB)?$/i, { message: 'must be a size such as 20 MB, 512 KB or 1048576' })
  .transform((text, ctx) => {
    const [, digits = '0', unit = 'B'] = /^(\d+)\s*(B|KB|MB)?$/i.exec(text) ?? [];
    const bytes = Number(digits) * ({ B: 1, KB, MB }[unit.toUpperCase() as 'B' | 'KB' | 'MB'] ?? 1);
    if (bytes < 1 || bytes > MAX_SIZE)
      ctx.addIssue({ code: 'custom', message: 'must be between 1 byte and 200 MB' });
    return bytes;
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
    /** `convert` refuses CSV objects larger than this (they are streamed to S3 as JSON), e.g. `20 MB`. */
    maxConvertSize: byteSize.default(20 * MB),
    /** Upload from Slack refuses files larger than this, e.g. `50 MB`. */
    maxUploadSize: byteSize.default(50 * MB),
  })
  .strict();

export type BucketsConfig = z.infer<typeof bucketsConfigSchema>;
export type BucketSubcommand = keyof BucketsConfig['allow'];
