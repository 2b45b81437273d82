import {
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { BLOCK_ALL_PUBLIC_ACCESS } from './create-bucket';
import { BucketJobError, isAccessDenied, s3ErrorName } from './s3-errors';

export interface WebsiteRequest {
  bucket: string;
  indexDocument: string;
  errorDocument: string;
  region: string;
  partition: string;
}

const PUBLIC_READ_SID = 'AwsChatopsPublicReadForWebsite';

/**
 * The bucket policy with one statement added: anyone may GetObject on every object of this bucket, nothing
 * else. Statements already there are kept (a policy that denies plain HTTP, say); ours is replaced if present.
 */
export function withPublicReadStatement(
  existing: string | undefined,
  bucket: string,
  partition = 'aws',
): string {
  const policy = existing
    ? (JSON.parse(existing) as { Version?: string; Statement?: unknown[] | unknown })
    : { Version: '2012-10-17' };
  const current = policy.Statement === undefined ? [] : [policy.Statement].flat();
  const others = current.filter((s) => (s as { Sid?: string }).Sid !== PUBLIC_READ_SID);
  const statement = {
    Sid: PUBLIC_READ_SID,
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:${partition}:s3:::${bucket}/*`,
  };
  return JSON.stringify({
    ...policy,
    Version: policy.Version ?? '2012-10-17',
    Statement: [...others, statement],
  });
}

async function currentPolicy(s3: S3Client, bucket: string): Promise<string | undefined> {
  try {
    return (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
  } catch (error) {
    if (s3ErrorName(error) === 'NoSuchBucketPolicy') return undefined;
    throw error;
  }
}

/** Regions whose website endpoint has a dash (`s3-website-<region>`); every other region uses a dot. */
const DASH_WEBSITE_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
]);

/** The website endpoint S3 serves for a bucket in `region` (dash or dot form, China's own domain). */
export function websiteEndpoint(bucket: string, region: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const separator = DASH_WEBSITE_REGIONS.has(region) ? '-' : '.';
  return `http://${bucket}.s3-website${separator}${region}.${domain}`;
}

/**
 * Static website hosting, only after the person confirmed in the modal: the website configuration, then Block
 * Public Access relaxed for this bucket alone (ACLs stay blocked; only the bucket policy may grant public
 * read), then the read-only policy. An account-level block is reported, not worked around.
 */
export async function enableWebsite(s3: S3Client, request: WebsiteRequest): Promise<{ endpoint: string }> {
  const { bucket } = request;
  const policy = withPublicReadStatement(await currentPolicy(s3, bucket), bucket, request.partition);
  await s3.send(
    new PutBucketWebsiteCommand({
      Bucket: bucket,
      WebsiteConfiguration: {
        IndexDocument: { Suffix: request.indexDocument },
        ErrorDocument: { Key: request.errorDocument },
      },
    }),
  );
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    }),
  );
  try {
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  } catch (error) {
    // Put the bucket's block back so a failed attempt leaves nothing half-open.
    await restoreBlock(s3, bucket);
    if (!isAccessDenied(error)) throw error;
    throw new BucketJobError(
      `S3 refused the public-read policy on ${bucket}: the account (or its organization) blocks public bucket policies.`,
      'Website hosting is configured but nothing is public. An account admin decides whether this account may host public buckets.',
      { cause: error },
    );
  }
  return { endpoint: websiteEndpoint(bucket, request.region) };
}

async function restoreBlock(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
      }),
    );
  } catch {
    // The original error is the one to report; this one would only hide it.
  }
}
