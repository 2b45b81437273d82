import { describe, expect, it } from 'vitest';
import { websiteEndpoint, withPublicReadStatement } from '../../src/buckets/enable-website';

describe('withPublicReadStatement', () => {
  it('grants only s3:GetObject on the objects of this one bucket', () => {
    const policy = JSON.parse(withPublicReadStatement(undefined, 'stg-site', 'aws-us-gov'));

    expect(policy.Statement).toEqual([
      {
        Sid: 'AwsChatopsPublicReadForWebsite',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws-us-gov:s3:::stg-site/*',
      },
    ]);
  });

  it('keeps the statements already in the policy and replaces its own on a second run', () => {
    const existing = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Sid: 'DenyHttp', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
    });
    const once = withPublicReadStatement(existing, 'stg-site');

    const twice = JSON.parse(withPublicReadStatement(once, 'stg-site'));

    expect(twice.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'DenyHttp',
      'AwsChatopsPublicReadForWebsite',
    ]);
  });

  it.each([
    ['eu-west-1', 'http://stg-site.s3-website-eu-west-1.amazonaws.com'],
    ['us-east-1', 'http://stg-site.s3-website-us-east-1.amazonaws.com'],
    ['eu-central-1', 'http://stg-site.s3-website.eu-central-1.amazonaws.com'],
    ['us-east-2', 'http://stg-site.s3-website.us-east-2.amazonaws.com'],
    ['cn-north-1', 'http://stg-site.s3-website.cn-north-1.amazonaws.com.cn'],
  ])('names the website endpoint S3 serves in %s', (region, endpoint) => {
    expect(websiteEndpoint('stg-site', region)).toBe(endpoint);
  });
});
