import {
  GetBucketEncryptionCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { bucketInfo } from '../../src/buckets/read-bucket-info';
import { s3Error } from '../support/s3-error';

const s3 = mockClient(S3Client);
const s3In = () => new S3Client({ region: 'us-east-1' });
beforeEach(() => s3.reset());

describe('bucketInfo', () => {
  it('reads a bare bucket: settings that are not there count as off, not as errors', async () => {
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    s3.on(GetPublicAccessBlockCommand).rejects(s3Error('NoSuchPublicAccessBlockConfiguration', 404));
    s3.on(GetBucketPolicyStatusCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
    s3.on(GetBucketEncryptionCommand).rejects(s3Error('ServerSideEncryptionConfigurationNotFoundError', 404));
    s3.on(GetBucketWebsiteCommand).rejects(s3Error('NoSuchWebsiteConfiguration', 404));
    s3.on(GetBucketTaggingCommand).rejects(s3Error('NoSuchTagSet', 404));

    expect(await bucketInfo('stg-a', '333333333333', s3In)).toEqual({
      bucket: 'stg-a',
      region: 'eu-west-1',
      publicAccessBlocked: false,
      policyIsPublic: false,
      encryption: 'none',
      website: undefined,
      tags: {},
    });
  });

  it('marks settings the role may not read as unknown', async () => {
    s3.onAnyCommand().resolves({});
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    s3.on(GetBucketTaggingCommand).rejects(s3Error('AccessDenied', 403));
    s3.on(GetBucketWebsiteCommand).resolves({ IndexDocument: { Suffix: 'index.html' } });

    const info = await bucketInfo('stg-a', '333333333333', s3In);

    expect(info.tags).toBe('unknown');
    expect(info.website).toEqual({ indexDocument: 'index.html' });
  });

  it.each([
    [404, /no bucket named stg-a/],
    [403, /not in this account/],
  ])('explains HeadBucket %d', async (status, message) => {
    s3.on(HeadBucketCommand).rejects(s3Error(status === 404 ? 'NotFound' : 'Forbidden', status));

    await expect(bucketInfo('stg-a', '333333333333', s3In)).rejects.toThrow(message);
  });
});
