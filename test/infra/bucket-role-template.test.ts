import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RegoEngine, TemplateFile } from '@aws/cloudformation-validate';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';

describe('infra/bucket-role.yaml', () => {
  it('validates with no errors or fatal findings', () => {
    const engine = new RegoEngine();
    try {
      const report = engine.validateStandard(
        new TemplateFile(resolve(__dirname, '../../infra/bucket-role.yaml')),
      );
      const errors = report.diagnostics
        .filter((d) => !['info', 'warning', 'warn'].includes(String(d.severity).toLowerCase()))
        .map((d) => `${d.ruleId}: ${d.message}`);

      expect(errors).toEqual([]);
    } finally {
      engine.free();
    }
  }, 120_000); // offline validation is CPU-bound: slow on a loaded CI machine
});

/** The IAM actions each S3 call (or lib-storage Upload) of src/buckets needs (HeadBucket and the bucket waiter need s3:ListBucket). */
const ACTIONS_OF: Record<string, string[]> = {
  HeadBucketCommand: ['s3:ListBucket'],
  ListBucketsCommand: ['s3:ListAllMyBuckets'],
  CreateBucketCommand: ['s3:CreateBucket', 's3:PutBucketOwnershipControls'],
  GetPublicAccessBlockCommand: ['s3:GetBucketPublicAccessBlock'],
  PutPublicAccessBlockCommand: ['s3:PutBucketPublicAccessBlock'],
  GetBucketEncryptionCommand: ['s3:GetEncryptionConfiguration'],
  PutBucketEncryptionCommand: ['s3:PutEncryptionConfiguration'],
  GetBucketTaggingCommand: ['s3:GetBucketTagging'],
  PutBucketTaggingCommand: ['s3:PutBucketTagging'],
  GetBucketWebsiteCommand: ['s3:GetBucketWebsite'],
  PutBucketWebsiteCommand: ['s3:PutBucketWebsite'],
  GetBucketPolicyCommand: ['s3:GetBucketPolicy'],
  GetBucketPolicyStatusCommand: ['s3:GetBucketPolicyStatus'],
  PutBucketPolicyCommand: ['s3:PutBucketPolicy'],
  HeadObjectCommand: ['s3:GetObject'],
  GetObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  /** lib-storage: PutObject, or Create/UploadPart/CompleteMultipartUpload (s3:PutObject) and, on error, Abort. */
  Upload: ['s3:PutObject', 's3:AbortMultipartUpload'],
};

describe('infra/bucket-role.yaml least privilege', () => {
  it('grants exactly the S3 actions the bucket tasks call, nothing more', () => {
    const dir = resolve(__dirname, '../../src/buckets');
    const used = new Set(
      readdirSync(dir).flatMap((file) =>
        [...readFileSync(resolve(dir, file), 'utf8').matchAll(/new (\w+Command|Upload)\(/g)].map(
          (m) => m[1] ?? '',
        ),
      ),
    );
    const template = parseCloudFormation(
      readFileSync(resolve(__dirname, '../../infra/bucket-role.yaml'), 'utf8'),
    ) as {
      Resources: {
        BucketRole: {
          Properties: { Policies: { PolicyDocument: { Statement: { Action: string | string[] }[] } }[] };
        };
      };
    };
    const granted = template.Resources.BucketRole.Properties.Policies.flatMap((p) =>
      p.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()),
    );

    expect([...used].filter((command) => !ACTIONS_OF[command])).toEqual([]);
    const needed = new Set([...used].flatMap((command) => ACTIONS_OF[command] ?? []));
    expect([...new Set(granted)].sort()).toEqual([...needed].sort());
  });
});

describe('infra/bucket-role.yaml ownership', () => {
  it('touches only buckets and objects this account owns (s3:ResourceAccount), except listing names and creating', () => {
    const template = parseCloudFormation(
      readFileSync(resolve(__dirname, '../../infra/bucket-role.yaml'), 'utf8'),
    ) as {
      Resources: {
        BucketRole: {
          Properties: {
            Policies: {
              PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown }[] };
            }[];
          };
        };
      };
    };
    const statements = template.Resources.BucketRole.Properties.Policies.flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    const unowned = statements.filter((s) => {
      const actions = [s.Action].flat();
      return actions.every((a) => a === 's3:ListAllMyBuckets' || a === 's3:CreateBucket');
    });
    const owned = statements.filter((s) => !unowned.includes(s));

    expect(owned.length).toBeGreaterThan(0);
    for (const statement of owned) {
      expect(statement.Condition).toEqual({
        StringEquals: { 's3:ResourceAccount': { Ref: 'AWS::AccountId' } },
      });
    }
  });
});
