import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { redirectRegion, s3Status } from './s3-errors';

/**
 * Who holds a bucket name, from HeadBucket with `ExpectedBucketOwner` (names are global across all accounts):
 * 404 free; 403 held by another account; 200 held by this account already; 301 held in another region (asked
 * again there, since the redirect alone does not say whose it is).
 */
export type BucketOwnership =
  | { state: 'free' }
  | { state: 'yours'; region?: string }
  | { state: 'taken' }
  | { state: 'elsewhere'; region: string };

export async function probeBucket(
  bucket: string,
  accountId: string,
  s3In: (region?: string) => S3Client,
  region?: string,
): Promise<BucketOwnership> {
  try {
    const out = await s3In(region).send(
      new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: accountId }),
    );
    return {
      state: 'yours',
      ...(out.BucketRegion ? { region: out.BucketRegion } : region ? { region } : {}),
    };
  } catch (error) {
    const status = s3Status(error);
    if (status === 404) return { state: 'free' };
    if (status === 403) return { state: 'taken' };
    const movedTo = redirectRegion(error);
    if ((status === 301 || status === 400) && movedTo) {
      if (region === undefined || movedTo !== region) {
        const there = await probeBucket(bucket, accountId, s3In, movedTo);
        return there.state === 'yours' ? { state: 'yours', region: movedTo } : there;
      }
      return { state: 'elsewhere', region: movedTo };
    }
    throw error;
  }
}
