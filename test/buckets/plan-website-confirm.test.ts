import { describe, expect, it, vi } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import type { WebsiteConfirmMetadata } from '../../src/buckets/modal-metadata';
import { planWebsiteConfirm } from '../../src/buckets/plan-website-confirm';
import { BOT_CONFIG } from '../support/listener-fakes';

const MAKER = 'U0MAKER01'; // buckets.allow.website
const OTHER_MAKER = 'U0MAKER02';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T0LOCAL01/1/website';

function askedFor(bucket: string, userId = MAKER): WebsiteConfirmMetadata {
  return {
    bucket,
    // A stale name in the metadata: the directory's name counts.
    account: { id: '333333333333', name: 'old-name' },
    indexDocument: 'index.html',
    errorDocument: 'error.html',
    reply: { responseUrl: RESPONSE_URL, userId, channelId: 'C0LOCAL01', teamId: 'T0LOCAL01' },
    userName: 'maker',
  };
}

const deps = (groups: Record<string, string[]> = {}) => ({
  config: BOT_CONFIG,
  accounts: new AccountDirectory(BOT_CONFIG),
  groupMembers: vi.fn(async (group: string) => groups[group] ?? []),
});

describe('planWebsiteConfirm', () => {
  it('starts the website job keyed by the view id, in the account the directory names', async () => {
    const plan = await planWebsiteConfirm(
      { viewId: 'V0WEB1', userId: MAKER, metadata: askedFor('stg-site') },
      deps(),
    );

    expect(plan).toEqual({
      type: 'job',
      job: {
        kind: 'bucket.website',
        id: 'V0WEB1',
        reply: askedFor('stg-site').reply,
        account: { id: '333333333333', name: 'staging' },
        userName: 'maker',
        bucket: 'stg-site',
        indexDocument: 'index.html',
        errorDocument: 'error.html',
      },
      working: 'Turning stg-site into a public website…',
    });
  });

  it.each([
    ['no metadata', undefined],
    ['a bucket name S3 would refuse', askedFor('Not_A_Bucket')],
  ])('answers %s as out of date', async (_case, metadata) => {
    expect(await planWebsiteConfirm({ viewId: 'V0WEB2', userId: MAKER, metadata }, deps())).toEqual({
      type: 'stale',
    });
  });

  it('refuses someone other than the person who asked, before asking Slack about groups', async () => {
    const d = deps();

    const plan = await planWebsiteConfirm(
      { viewId: 'V0WEB3', userId: OTHER_MAKER, metadata: askedFor('stg-site') },
      d,
    );

    expect(plan).toEqual({
      type: 'refused',
      message: 'Only the person who ran the command can confirm it. Nothing was made public.',
      refusal: {
        action: 'bucket.website',
        target: 's3://stg-site in staging (333333333333)',
        reason: 'Only the person who ran the command can confirm it.',
      },
    });
    expect(d.groupMembers).not.toHaveBeenCalled();
  });

  it('refuses the person who asked once they are off the allow-list', async () => {
    const plan = await planWebsiteConfirm(
      { viewId: 'V0WEB4', userId: OTHER_MAKER, metadata: askedFor('stg-site', OTHER_MAKER) },
      deps(),
    );

    expect(plan).toMatchObject({
      type: 'refused',
      message: 'You are not on the allow-list for /aws-bucket website. Nothing was made public.',
    });
  });

  it("refuses a bucket outside the account's name patterns", async () => {
    const plan = await planWebsiteConfirm(
      { viewId: 'V0WEB5', userId: MAKER, metadata: askedFor('prod-site') },
      deps(),
    );

    expect(plan).toMatchObject({
      type: 'refused',
      message: expect.stringMatching(/only changes buckets named stg-\*.* Nothing was made public\.$/),
      refusal: { target: 's3://prod-site in staging (333333333333)' },
    });
  });
});
