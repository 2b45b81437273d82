import { describe, expect, it, vi } from 'vitest';
import { WEBSITE_CONFIRM_CALLBACK } from '../../../../blocks/bucket-website-modal';
import type { WebsiteConfirmMetadata } from '../../../../src/buckets/modal-metadata';
import { STALE_VIEW_MESSAGE, saveViewMetadata } from '../../../../src/slack/app/view-metadata';
import { bucketWebsiteConfirm } from '../../../../src/slack/app/views/bucket-website-confirm';
import type { StateStore } from '../../../../src/store/state-store';
import { useFakeResponseUrl } from '../../../support/fake-response-url';
import {
  calledBefore,
  callListener,
  fakeSlackClient,
  type ListenerDeps,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { viewSubmissionPayload } from '../../../support/slack-payloads';

const MAKER = 'U0MAKER01'; // buckets.allow.website
const OTHER_MAKER = 'U0MAKER02';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T0LOCAL01/1/website';

function askedFor(bucket: string): WebsiteConfirmMetadata {
  return {
    bucket,
    account: { id: '333333333333', name: 'staging' },
    indexDocument: 'index.html',
    errorDocument: 'error.html',
    reply: { responseUrl: RESPONSE_URL, userId: MAKER, channelId: 'C0LOCAL01', teamId: 'T0LOCAL01' },
    userName: 'maker',
  };
}

describe('website confirmation submission listener', () => {
  let store: StateStore;
  useLocalStateStore('website-confirm-test', (s) => {
    store = s;
  });
  const responseUrl = useFakeResponseUrl();

  async function confirm(
    viewId: string,
    userId: string,
    privateMetadata: string,
    deps: ListenerDeps = listenerDeps(store),
  ) {
    const ack = vi.fn(async (_response?: unknown) => undefined);
    const body = viewSubmissionPayload({
      viewId,
      userId,
      callbackId: WEBSITE_CONFIRM_CALLBACK,
      privateMetadata,
      values: {},
    });
    await callListener(bucketWebsiteConfirm(deps), { ack, body, view: body.view, client: fakeSlackClient() });
    return { ack, jobs: deps.dispatcher.jobs };
  }

  it('hands the website job to the worker, closes the modal, then posts the working line', async () => {
    const { ack, jobs } = await confirm('V0WEB1', MAKER, await saveViewMetadata(store, askedFor('stg-site')));

    expect(jobs).toEqual([
      {
        kind: 'bucket.website',
        id: 'V0WEB1',
        reply: askedFor('stg-site').reply,
        account: { id: '333333333333', name: 'staging' },
        userName: 'maker',
        bucket: 'stg-site',
        indexDocument: 'index.html',
        errorDocument: 'error.html',
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(calledBefore(ack, responseUrl.fetch)).toBe(true);
    expect(responseUrl.posts).toEqual([
      {
        url: RESPONSE_URL,
        body: expect.objectContaining({
          response_type: 'ephemeral',
          text: 'Turning stg-site into a public website…',
        }),
      },
    ]);
  });

  it('starts one job for a Slack retry of the submission and posts the working line once', async () => {
    const deps = listenerDeps(store);
    const metadata = await saveViewMetadata(store, askedFor('stg-site'));

    await confirm('V0WEB2', MAKER, metadata, deps);
    const retry = await confirm('V0WEB2', MAKER, metadata, deps);

    expect(deps.dispatcher.jobs).toHaveLength(1);
    expect(retry.ack).toHaveBeenCalledWith();
    expect(responseUrl.posts).toHaveLength(1);
  });

  it.each([
    [OTHER_MAKER, 'stg-site', 'Only the person who ran the command can confirm it. Nothing was made public.'],
    [MAKER, 'prod-site', /only changes buckets named stg-\*.* Nothing was made public\.$/],
  ])('refuses %s confirming %s in the modal itself, and audits it', async (userId, bucket, message) => {
    const { ack, jobs } = await confirm(
      `V0WEB-${userId}-${bucket}`,
      userId,
      await saveViewMetadata(store, askedFor(bucket)),
    );

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    const response = ack.mock.calls[0]?.[0] as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(response.response_action).toBe('update');
    expect(response.view.blocks[0]?.text.text).toMatch(message);
    expect(await store.listAudit('bucket.website')).toContainEqual(
      expect.objectContaining({
        actor: userId,
        target: `s3://${bucket} in staging (333333333333)`,
        result: 'refused',
      }),
    );
    expect(responseUrl.posts).toEqual([]);
  });

  it('answers metadata the bot did not store as out of date, and changes nothing', async () => {
    const forged = JSON.stringify({ ref: '7b0e1c1e-8d6e-4a53-9d0c-6f5f4e3d2c1b' });

    const { ack, jobs } = await confirm('V0WEB3', MAKER, forged);

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledWith({
      response_action: 'update',
      view: expect.objectContaining({
        blocks: [
          expect.objectContaining({
            text: expect.objectContaining({ text: `:warning: ${STALE_VIEW_MESSAGE}` }),
          }),
        ],
      }),
    });
  });
});
