import {
  GetBucketEncryptionCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketInfoView, Known } from '../../blocks/bucket-info';
import { BucketJobError, isAccessDenied, isNotConfigured, s3Status } from './s3-errors';

/** What `info` reads; `unknown` where the bot's role may not read a setting. */
export type BucketInfo = Omit<BucketInfoView, 'account'>;

/** Reads one setting; a setting that is not there is `fallback`, one the role may not read is `unknown`. */
async function setting<T>(read: () => Promise<T>, fallback: T): Promise<Known<T>> {
  try {
    return await read();
  } catch (error) {
    if (isNotConfigured(error)) return fallback;
    if (isAccessDenied(error)) return 'unknown';
    throw error;
  }
}

/** What a person checking a bucket wants to know: where it is, whether it is public, encrypted, a website. */
export async function bucketInfo(
  bucket: string,
  accountId: string,
  s3In: (region?: string) => S3Client,
): Promise<BucketInfo> {
  let region: string | undefined;
  try {
    const head = await s3In().send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: accountId }));
    region = head.BucketRegion;
  } catch (error) {
    const status = s3Status(error);
    if (status === 404)
      throw new BucketJobError(`There is no bucket named ${bucket}.`, undefined, { cause: error });
    if (status === 403) {
      throw new BucketJobError(
        `Bucket ${bucket} is not in this account, or the bot's role may not see it.`,
        'Check the account (account=…) and the bucket name.',
        { cause: error },
      );
    }
    throw error;
  }
  const s3 = s3In(region);
  const [publicAccessBlocked, policyIsPublic, encryption, website, tags] = await Promise.all([
    setting(async () => {
      const c = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })))
        .PublicAccessBlockConfiguration;
      return Boolean(
        c?.BlockPublicAcls && c.IgnorePublicAcls && c.BlockPublicPolicy && c.RestrictPublicBuckets,
      );
    }, false),
    setting(
      async () =>
        (await s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus?.IsPublic ?? false,
      false,
    ),
    setting(async () => {
      const rules = (await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket })))
        .ServerSideEncryptionConfiguration?.Rules;
      const algorithm = rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
      return algorithm ?? 'none';
    }, 'none'),
    setting<{ indexDocument?: string; errorDocument?: string } | undefined>(async () => {
      const out = await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }));
      return {
        ...(out.IndexDocument?.Suffix ? { indexDocument: out.IndexDocument.Suffix } : {}),
        ...(out.ErrorDocument?.Key ? { errorDocument: out.ErrorDocument.Key } : {}),
      };
    }, undefined),
    setting(async () => {
      const set = (await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? [];
      return Object.fromEntries(set.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
    }, {}),
  ]);
  return {
    bucket,
    ...(region ? { region } : {}),
    publicAccessBlocked,
    policyIsPublic,
    encryption,
    website,
    tags,
  };
}
