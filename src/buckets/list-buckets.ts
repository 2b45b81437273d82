import { ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';

export interface BucketSummary {
  name: string;
  region?: string;
  createdAt?: Date;
}

/** Buckets of the account whose names start with `prefix`, in name order; pages until `max` are found. */
export async function listBuckets(
  s3: S3Client,
  options: { prefix?: string; max: number },
): Promise<{ buckets: BucketSummary[]; more: boolean }> {
  const buckets: BucketSummary[] = [];
  let token: string | undefined;
  do {
    const out = await s3.send(
      new ListBucketsCommand({ Prefix: options.prefix, ContinuationToken: token, MaxBuckets: 1000 }),
    );
    for (const bucket of out.Buckets ?? []) {
      if (!bucket.Name) continue;
      buckets.push({
        name: bucket.Name,
        ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
        ...(bucket.CreationDate ? { createdAt: bucket.CreationDate } : {}),
      });
    }
    token = out.ContinuationToken;
  } while (token && buckets.length <= options.max);
  buckets.sort((a, b) => a.name.localeCompare(b.name));
  return {
    buckets: buckets.slice(0, options.max),
    more: buckets.length > options.max || token !== undefined,
  };
}
