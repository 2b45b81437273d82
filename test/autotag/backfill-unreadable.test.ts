import { describe, expect, it } from 'vitest';
import { whyUnreadable } from '../../src/autotag/backfill-unreadable';
import { AssumeRoleError } from '../../src/aws/assume-role';

const awsError = (name: string) => Object.assign(new Error(`${name}: no`), { name });
const ROLE = 'arn:aws:iam::222222222222:role/aws-chatops-tagger';

describe('why a backfill could not read an account and region, and what to do', () => {
  it('AssumeRole refused: deploy the tagging role there and trust the Slack worker', () => {
    const error = new AssumeRoleError('222222222222', ROLE, 'AccessDenied: no', {
      cause: awsError('AccessDenied'),
    });

    expect(whyUnreadable('222222222222', 'us-east-1', error)).toBe(
      "222222222222 us-east-1: the tagging role could not be assumed (AccessDenied): deploy infra/autotag-tagging-role.yaml there with the slackWorker's role in TrustedRoleArns",
    );
  });

  it('LookupEvents or GetResources refused: update the tagging role', () => {
    expect(whyUnreadable('222222222222', 'us-east-1', awsError('AccessDeniedException'))).toBe(
      '222222222222 us-east-1: the tagging role may not read there (AccessDeniedException): update infra/autotag-tagging-role.yaml in that account to the current version',
    );
  });

  it('throttled: run again later', () => {
    expect(whyUnreadable('222222222222', 'us-east-1', awsError('ThrottlingException'))).toBe(
      '222222222222 us-east-1: throttled by AWS (ThrottlingException): run again later',
    );
  });

  it('anything else: its name and message', () => {
    expect(whyUnreadable('222222222222', 'us-east-1', awsError('InvalidTimeRangeException'))).toBe(
      '222222222222 us-east-1: InvalidTimeRangeException: no',
    );
  });
});
