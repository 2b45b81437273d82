import { bucketInfoReply } from '../../blocks/bucket-info';
import { bucketListReply } from '../../blocks/bucket-list';
import {
  bucketConvertedReply,
  bucketCreatedReply,
  bucketNameHeldReply,
  bucketUploadedReply,
  bucketWebsiteReply,
} from '../../blocks/bucket-replies';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { bucketRegion } from './bucket-account';
import type { BucketJobOfKind } from './bucket-jobs';
import { convertCsvObject } from './convert-object';
import { createBucket } from './create-bucket';
import { enableWebsite } from './enable-website';
import { listBuckets } from './list-buckets';
import { probeBucket } from './probe-bucket';
import { bucketInfo } from './read-bucket-info';
import { type BucketJobDeps, runBucketJob } from './run-bucket-job';
import { BucketJobError } from './s3-errors';
import { uploadSlackFile } from './upload-from-slack';

/** How many buckets `ls` shows at most (one section of ≤ 3000 characters). */
const LIST_MAX = 60;

export function runBucketList(job: BucketJobOfKind<'bucket.ls'>, deps: BucketJobDeps): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: false }, async (s3In) => {
    const { buckets, more } = await listBuckets(s3In(), { prefix: job.prefix, max: LIST_MAX });
    return {
      reply: bucketListReply({
        account: job.account,
        buckets,
        more,
        ...(job.prefix ? { prefix: job.prefix } : {}),
      }),
    };
  });
}

export function runBucketInfo(job: BucketJobOfKind<'bucket.info'>, deps: BucketJobDeps): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: false, bucket: job.bucket }, async (s3In) => {
    const info = await bucketInfo(job.bucket, job.account.id, s3In);
    return { reply: bucketInfoReply({ ...info, account: job.account }) };
  });
}

export function runBucketCreate(
  job: BucketJobOfKind<'bucket.create'>,
  deps: BucketJobDeps,
): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: true, bucket: job.bucket }, async (s3In) => {
    const region = bucketRegion(job.region, job.account, deps.accounts, deps.config, deps.botRegion);
    if (!region.ok)
      return {
        reply: noticeReply('problem', region.problem),
        result: 'refused',
        detail: { reason: region.problem },
      };
    const outcome = await createBucket(
      {
        bucket: job.bucket,
        region: region.region,
        accountId: job.account.id,
        requestedBy: { userId: job.reply.userId, ...(job.userName ? { userName: job.userName } : {}) },
        now: new Date(),
      },
      s3In,
    );
    if (!outcome.created) {
      return {
        reply: bucketNameHeldReply({
          bucket: job.bucket,
          account: job.account,
          ownership: outcome.ownership,
        }),
        result: 'refused',
        detail: {
          region: region.region,
          reason: `name ${outcome.ownership.state === 'yours' ? 'already yours' : 'held elsewhere'}`,
        },
      };
    }
    return {
      reply: bucketCreatedReply({
        bucket: job.bucket,
        account: job.account,
        region: outcome.region,
        tags: outcome.tags,
      }),
      detail: { region: outcome.region },
    };
  });
}

export function runBucketConvert(
  job: BucketJobOfKind<'bucket.convert'>,
  deps: BucketJobDeps,
): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: true, bucket: job.bucket }, async (s3In) => {
    const region = await regionOf(job.bucket, job.account.id, s3In);
    const outcome = await convertCsvObject(s3In(region), {
      bucket: job.bucket,
      key: job.key,
      to: job.to,
      maxBytes: deps.config.buckets.maxConvertSize,
    });
    return {
      reply: bucketConvertedReply({ bucket: job.bucket, key: job.key, to: job.to, ...outcome }),
      detail: { from: job.key, to: job.to, rows: outcome.rows },
    };
  });
}

export function runBucketWebsite(
  job: BucketJobOfKind<'bucket.website'>,
  deps: BucketJobDeps,
): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: true, bucket: job.bucket }, async (s3In) => {
    const region = await regionOf(job.bucket, job.account.id, s3In);
    const { endpoint } = await enableWebsite(s3In(region), {
      bucket: job.bucket,
      indexDocument: job.indexDocument,
      errorDocument: job.errorDocument,
      region,
      partition: deps.config.organization.partition,
    });
    return {
      reply: bucketWebsiteReply({ bucket: job.bucket, account: job.account, endpoint }),
      detail: { endpoint, public: 's3:GetObject for everyone' },
    };
  });
}

export function runBucketUpload(
  job: BucketJobOfKind<'bucket.upload'>,
  deps: BucketJobDeps,
): Promise<SlackReply> {
  return runBucketJob(job, deps, { mutating: true, bucket: job.bucket }, async (s3In) => {
    const region = await regionOf(job.bucket, job.account.id, s3In);
    const { bytes } = await uploadSlackFile(s3In(region), deps.slackFiles, {
      bucket: job.bucket,
      key: job.key,
      fileId: job.fileId,
      maxBytes: deps.config.buckets.maxUploadSize,
    });
    return {
      reply: bucketUploadedReply({ bucket: job.bucket, key: job.key, bytes, account: job.account }),
      detail: { key: job.key, fileId: job.fileId, bytes },
    };
  });
}

/** The bucket's region; a bucket that is not this account's is refused before anything is read or written. */
async function regionOf(
  bucket: string,
  accountId: string,
  s3In: Parameters<typeof probeBucket>[2],
): Promise<string> {
  const ownership = await probeBucket(bucket, accountId, s3In);
  if (ownership.state === 'yours') return ownership.region ?? 'us-east-1';
  if (ownership.state === 'free') throw new BucketJobError(`There is no bucket named ${bucket}.`);
  throw new BucketJobError(
    `Bucket ${bucket} does not belong to this account (or the bot's role may not see it).`,
    'Check the bucket name and account=…',
  );
}
