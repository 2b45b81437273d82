import * as z from 'zod';
import { accountRefSchema } from '../aws/account-ref';
import { replyTargetSchema } from '../slack/api/reply-target';
import { objectKeySchema } from './object-key';

/** Bucket names reaching the worker were checked against S3's rules already; this only bounds them. */
const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
const objectKey = objectKeySchema;

const common = {
  /** Unique per Slack request (trigger_id, or the modal's view id): the idempotency key of the job. */
  id: z.string().min(1),
  reply: replyTargetSchema,
  account: accountRefSchema,
  /** Slack user name of the person who asked, for tags and audit lines (the id is `reply.userId`). */
  userName: z.string().max(80).optional(),
};

export const bucketJobSchemas = [
  z.object({ kind: z.literal('bucket.ls'), ...common, prefix: z.string().max(63).optional() }),
  z.object({ kind: z.literal('bucket.info'), ...common, bucket: bucketName }),
  z.object({
    kind: z.literal('bucket.create'),
    ...common,
    bucket: bucketName,
    /** Absent: `buckets.defaultRegion`, else the worker's region. */
    region: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('bucket.convert'),
    ...common,
    bucket: bucketName,
    key: objectKey,
    to: objectKey,
  }),
  z.object({
    kind: z.literal('bucket.website'),
    ...common,
    bucket: bucketName,
    indexDocument: objectKey,
    errorDocument: objectKey,
  }),
  z.object({
    kind: z.literal('bucket.upload'),
    ...common,
    bucket: bucketName,
    /** Slack file id; the worker looks the file up again (files.info) rather than trusting a URL. */
    fileId: z.string().regex(/^F[A-Z0-9]+$/),
    key: objectKey,
  }),
] as const;

export type BucketJob = z.infer<(typeof bucketJobSchemas)[number]>;
export type BucketJobOfKind<K extends BucketJob['kind']> = Extract<BucketJob, { kind: K }>;
