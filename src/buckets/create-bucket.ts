import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
  waitUntilBucketExists,
} from '@aws-sdk/client-s3';
import { type BucketOwnership, probeBucket } from './probe-bucket';
import { s3ErrorName } from './s3-errors';

export interface CreateBucketRequest {
  bucket: string;
  region: string;
  accountId: string;
  requestedBy: { userId: string; userName?: string };
  now: Date;
}

export type CreateBucketOutcome =
  | { created: true; region: string; tags: Record<string, string> }
  | { created: false; ownership: Exclude<BucketOwnership, { state: 'free' }> };

/** All four Block Public Access settings on: what every bucket the bot creates gets. */
export const BLOCK_ALL_PUBLIC_ACCESS = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
} as const;

/** us-east-1 takes no LocationConstraint (S3 rejects one); every other region needs its own name there. */
export function createBucketConfiguration(
  region: string,
): { LocationConstraint: BucketLocationConstraint } | undefined {
  return region === 'us-east-1' ? undefined : { LocationConstraint: region as BucketLocationConstraint };
}

/** Tag values allow letters, digits, spaces and `+ - = . _ : / @`; anything else becomes `_`. */
export function tagValue(raw: string): string {
  return raw.replace(/[^\p{L}\p{N} +\-=._:/@]/gu, '_').slice(0, 256);
}

/**
 * Creates a private, encrypted bucket: checks the name is free, CreateBucket in the region (owner-enforced
 * object ownership), waits until S3 reports it, then Block Public Access on, default encryption (SSE-S3 with
 * bucket key) and a tag naming the Slack user who asked. A name someone holds is reported, never retried.
 */
export async function createBucket(
  request: CreateBucketRequest,
  s3In: (region?: string) => S3Client,
  waitSeconds = 60,
): Promise<CreateBucketOutcome> {
  const { bucket, region } = request;
  const ownership = await probeBucket(bucket, request.accountId, s3In, region);
  if (ownership.state !== 'free') return { created: false, ownership };

  const s3 = s3In(region);
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ObjectOwnership: 'BucketOwnerEnforced',
        CreateBucketConfiguration: createBucketConfiguration(region),
      }),
    );
  } catch (error) {
    // Someone took the name between HeadBucket and CreateBucket, or an earlier try of this job made it.
    if (s3ErrorName(error) === 'BucketAlreadyExists')
      return { created: false, ownership: { state: 'taken' } };
    if (s3ErrorName(error) !== 'BucketAlreadyOwnedByYou') throw error;
  }
  await waitUntilBucketExists({ client: s3, maxWaitTime: waitSeconds, minDelay: 2 }, { Bucket: bucket });

  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }],
      },
    }),
  );
  const tags = {
    'created-by': 'aws-chatops',
    'requested-by-slack-user': request.requestedBy.userId,
    ...(request.requestedBy.userName
      ? { 'requested-by-slack-name': tagValue(request.requestedBy.userName) }
      : {}),
    'requested-at': request.now.toISOString(),
  };
  await s3.send(
    new PutBucketTaggingCommand({
      Bucket: bucket,
      Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    }),
  );
  return { created: true, region, tags };
}
