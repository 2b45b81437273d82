import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBucket, createBucketConfiguration, tagValue } from '../../src/buckets/create-bucket';
import { probeBucket } from '../../src/buckets/probe-bucket';
import { s3Error } from '../support/s3-error';

const s3 = mockClient(S3Client);
const s3In = (region = 'us-east-1') => new S3Client({ region });
const request = {
  bucket: 'stg-reports',
  region: 'eu-west-1',
  accountId: '333333333333',
  requestedBy: { userId: 'U0MAKER01', userName: 'ada.l' },
  now: new Date('2024-05-01T10:00:00Z'),
};

beforeEach(() => s3.reset());

describe('probeBucket (HeadBucket with ExpectedBucketOwner)', () => {
  it.each([
    ['404 → free', s3Error('NotFound', 404), { state: 'free' }],
    ['403 → taken by another account', s3Error('Forbidden', 403), { state: 'taken' }],
  ])('%s', async (_label, error, expected) => {
    s3.on(HeadBucketCommand).rejects(error);

    expect(await probeBucket('stg-reports', '333333333333', s3In)).toEqual(expected);
    expect(s3.commandCalls(HeadBucketCommand)[0]?.args[0].input.ExpectedBucketOwner).toBe('333333333333');
  });

  it('200 → yours already, with its region', async () => {
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-central-1' });

    expect(await probeBucket('stg-reports', '333333333333', s3In)).toEqual({
      state: 'yours',
      region: 'eu-central-1',
    });
  });

  it('301 → asks again in the region S3 names, and reports what it says there', async () => {
    s3.on(HeadBucketCommand)
      .rejectsOnce(s3Error('PermanentRedirect', 301, { 'x-amz-bucket-region': 'ap-south-1' }))
      .resolves({});

    expect(await probeBucket('stg-reports', '333333333333', s3In, 'eu-west-1')).toEqual({
      state: 'yours',
      region: 'ap-south-1',
    });
  });

  it('lets other errors (throttling, 500) through so the job is retried', async () => {
    s3.on(HeadBucketCommand).rejects(s3Error('InternalError', 500));

    await expect(probeBucket('stg-reports', '333333333333', s3In)).rejects.toThrow('InternalError');
  });
});

describe('createBucket', () => {
  it('creates a free name with the region as LocationConstraint, then blocks public access, encrypts and tags', async () => {
    s3.on(HeadBucketCommand).rejectsOnce(s3Error('NotFound', 404)).resolves({});

    const outcome = await createBucket(request, s3In);

    expect(outcome.created).toBe(true);
    const create = s3.commandCalls(CreateBucketCommand)[0]?.args[0].input;
    expect(create?.CreateBucketConfiguration).toEqual({ LocationConstraint: 'eu-west-1' });
    expect(
      s3.commandCalls(PutPublicAccessBlockCommand)[0]?.args[0].input.PublicAccessBlockConfiguration,
    ).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const encryption = s3.commandCalls(PutBucketEncryptionCommand)[0]?.args[0].input;
    expect(
      encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
        ?.SSEAlgorithm,
    ).toBe('AES256');
    const tags = s3.commandCalls(PutBucketTaggingCommand)[0]?.args[0].input.Tagging?.TagSet;
    expect(tags).toContainEqual({ Key: 'requested-by-slack-user', Value: 'U0MAKER01' });
    expect(tags).toContainEqual({ Key: 'requested-by-slack-name', Value: 'ada.l' });
  });

  it('sends no LocationConstraint for us-east-1 (S3 rejects one there)', async () => {
    s3.on(HeadBucketCommand).rejectsOnce(s3Error('NotFound', 404)).resolves({});

    await createBucket({ ...request, region: 'us-east-1' }, s3In);

    expect(s3.commandCalls(CreateBucketCommand)[0]?.args[0].input.CreateBucketConfiguration).toBeUndefined();
  });

  it.each([
    ['taken', s3Error('Forbidden', 403)],
    ['yours', undefined],
  ])('creates nothing when the name is %s', async (state, error) => {
    if (error) s3.on(HeadBucketCommand).rejects(error);
    else s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });

    const outcome = await createBucket(request, s3In);

    expect(outcome).toMatchObject({ created: false, ownership: { state } });
    expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(0);
    expect(s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(0);
  });

  it('reports a name taken between HeadBucket and CreateBucket as taken', async () => {
    s3.on(HeadBucketCommand).rejects(s3Error('NotFound', 404));
    s3.on(CreateBucketCommand).rejects(s3Error('BucketAlreadyExists', 409));

    expect(await createBucket(request, s3In)).toEqual({ created: false, ownership: { state: 'taken' } });
  });

  it.each([
    ['us-east-1', undefined],
    ['eu-west-1', { LocationConstraint: 'eu-west-1' }],
    ['us-gov-west-1', { LocationConstraint: 'us-gov-west-1' }],
  ])('region %s → %j', (region, expected) => {
    expect(createBucketConfiguration(region)).toEqual(expected);
  });

  it('keeps tag values to the characters S3 allows', () => {
    expect(tagValue('Ada <admin> #1')).toBe('Ada _admin_ _1');
  });
});
