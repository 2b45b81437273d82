import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { runBucketJob } from '../../src/buckets/run-bucket-job';
import { parseConfig } from '../../src/config/load-config';
import type { Job } from '../../src/jobs/job';
import type { WorkerDeps } from '../../src/jobs/worker-deps';

const config = parseConfig(
  `accounts: [{ id: "333333333333", name: staging }]
slack: { defaultChannel: C0ALERTS01, auditChannel: C0AUDIT001 }
buckets:
  namePatterns:
    staging: ["stg-*"]`,
  'test',
);

const job: Extract<Job, { kind: 'bucket.website' }> = {
  kind: 'bucket.website',
  id: 'V0WEB0001',
  reply: { responseUrl: 'https://hooks.slack.test/r', userId: 'U0MAKER01', channelId: 'C0LOCAL01' },
  account: { id: '333333333333', name: 'staging' },
  bucket: 'stg-site',
  indexDocument: 'index.html',
  errorDocument: 'error.html',
};

function deps(audit: () => Promise<string>): WorkerDeps {
  return {
    config,
    accounts: new AccountDirectory(config),
    store: { audit },
    clients: { s3: () => ({}) },
    botRegion: 'eu-west-1',
    sink: { post: async () => ({ ts: '1' }) },
  } as unknown as WorkerDeps;
}

describe('runBucketJob', () => {
  it('still tells the person what was done when the audit record cannot be written afterwards', async () => {
    const reply = await runBucketJob(
      job,
      deps(async () => {
        throw new Error('ProvisionedThroughputExceededException');
      }),
      { mutating: true, bucket: job.bucket },
      async () => ({
        reply: { responseType: 'ephemeral', text: 'stg-site is now a public website', blocks: [] },
      }),
    );

    expect(reply.text).toBe('stg-site is now a public website');
  });
});
