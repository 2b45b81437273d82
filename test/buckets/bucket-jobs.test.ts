import { describe, expect, it } from 'vitest';
import { jobSchema } from '../../src/jobs/job';

const common = {
  id: 'trigger-1',
  reply: {
    responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
    userId: 'U0MAKER01',
    channelId: 'C0LOCAL01',
  },
  account: { id: '333333333333', name: 'staging' },
};

describe('bucket job schemas (what the worker accepts)', () => {
  it.each([
    ['bucket.convert', { bucket: 'stg-data', key: 'a.csv', to: '../../x' }],
    ['bucket.convert', { bucket: 'stg-data', key: 'in/../../a.csv', to: 'a.json' }],
    ['bucket.upload', { bucket: 'stg-inbox', fileId: 'F0FILE001', key: '../../x' }],
    ['bucket.website', { bucket: 'stg-site', indexDocument: 'index.html', errorDocument: './error.html' }],
  ])('refuses a %s job whose key has a "." or ".." segment', (kind, fields) => {
    expect(jobSchema.safeParse({ kind, ...common, ...fields }).success).toBe(false);
  });

  it('accepts keys with dots that are not whole segments', () => {
    const job = {
      kind: 'bucket.convert',
      ...common,
      bucket: 'stg-data',
      key: 'a..b/.hidden.csv',
      to: 'x.../y.json',
    };

    expect(jobSchema.safeParse(job).success).toBe(true);
  });
});
