import { describe, expect, it, vi } from 'vitest';
import { UPLOAD_FIELDS, UPLOAD_SUBMIT_CALLBACK } from '../../../../blocks/bucket-upload-modal';
import type { UploadMetadata } from '../../../../src/buckets/modal-metadata';
import { STALE_VIEW_MESSAGE, saveViewMetadata } from '../../../../src/slack/app/view-metadata';
import { bucketUploadSubmit } from '../../../../src/slack/app/views/bucket-upload-submit';
import type { StateStore } from '../../../../src/store/state-store';
import { useFakeResponseUrl } from '../../../support/fake-response-url';
import { calledBefore, callListener, fakeSlackClient, listenerDeps } from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { viewSubmissionPayload } from '../../../support/slack-payloads';

const MAKER = 'U0MAKER01'; // buckets.allow.upload
const STRANGER = 'U0STRANGE1';
const RESPONSE_URL = 'https://hooks.slack.com/app/T0LOCAL01/1/upload';

const shortcutUsed: UploadMetadata = {
  reply: { responseUrl: RESPONSE_URL, userId: MAKER, channelId: 'C0LOCAL01', teamId: 'T0LOCAL01' },
  files: [{ id: 'F0CSV00001', name: 'data.csv' }],
  userName: 'maker',
};

/** `view.state.values` as Slack sends them for the upload modal's selects and inputs. */
function filledIn(fields: { file?: string; account?: string; bucket?: string; prefix?: string }) {
  const select = (value: string | undefined) => ({
    type: 'static_select',
    selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
  });
  const input = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  return {
    [UPLOAD_FIELDS.file.block]: { [UPLOAD_FIELDS.file.action]: select(fields.file) },
    [UPLOAD_FIELDS.account.block]: { [UPLOAD_FIELDS.account.action]: select(fields.account) },
    [UPLOAD_FIELDS.bucket.block]: { [UPLOAD_FIELDS.bucket.action]: input(fields.bucket) },
    [UPLOAD_FIELDS.prefix.block]: { [UPLOAD_FIELDS.prefix.action]: input(fields.prefix) },
  };
}

describe('upload modal submission listener', () => {
  let store: StateStore;
  useLocalStateStore('upload-submit-test', (s) => {
    store = s;
  });
  const responseUrl = useFakeResponseUrl();

  async function submit(
    viewId: string,
    userId: string,
    values: ReturnType<typeof filledIn>,
    privateMetadata?: string,
  ) {
    const deps = listenerDeps(store);
    const ack = vi.fn(async (_response?: unknown) => undefined);
    const body = viewSubmissionPayload({
      viewId,
      userId,
      callbackId: UPLOAD_SUBMIT_CALLBACK,
      privateMetadata: privateMetadata ?? (await saveViewMetadata(store, shortcutUsed)),
      values,
    });
    await callListener(bucketUploadSubmit(deps), { ack, body, view: body.view, client: fakeSlackClient() });
    return { ack, jobs: deps.dispatcher.jobs };
  }

  it('hands the copy to the worker, closes the modal, then posts where the file goes', async () => {
    const values = filledIn({
      file: 'F0CSV00001',
      account: '333333333333',
      bucket: 'stg-data',
      prefix: 'reports/2024',
    });

    const { ack, jobs } = await submit('V0UP1', MAKER, values);

    expect(jobs).toEqual([
      {
        kind: 'bucket.upload',
        id: 'V0UP1',
        reply: shortcutUsed.reply,
        account: { id: '333333333333', name: 'staging' },
        userName: 'maker',
        bucket: 'stg-data',
        fileId: 'F0CSV00001',
        key: 'reports/2024/data.csv',
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(calledBefore(ack, responseUrl.fetch)).toBe(true);
    expect(responseUrl.posts).toEqual([
      {
        url: RESPONSE_URL,
        body: expect.objectContaining({ text: 'Uploading to s3://stg-data/reports/2024/data.csv…' }),
      },
    ]);
  });

  it('shows the problems next to the fields and starts nothing', async () => {
    const { ack, jobs } = await submit(
      'V0UP2',
      MAKER,
      filledIn({ account: '333333333333', bucket: 'Not_A_Bucket' }),
    );

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: {
        [UPLOAD_FIELDS.file.block]: 'Pick one of the files of the message.',
        [UPLOAD_FIELDS.bucket.block]: expect.any(String),
      },
    });
  });

  it('refuses someone other than the person who used the shortcut, in the modal, and audits it', async () => {
    const values = filledIn({ file: 'F0CSV00001', account: '333333333333', bucket: 'stg-data' });

    const { ack, jobs } = await submit('V0UP3', STRANGER, values);

    expect(jobs).toEqual([]);
    const response = ack.mock.calls[0]?.[0] as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(response.response_action).toBe('update');
    expect(response.view.blocks[0]?.text.text).toBe(
      ':warning: Only the person who used the shortcut can submit this upload.',
    );
    expect(await store.listAudit('bucket.upload')).toContainEqual(
      expect.objectContaining({ actor: STRANGER, target: 'stg-data', result: 'refused' }),
    );
    expect(responseUrl.posts).toEqual([]);
  });

  it('answers metadata the bot did not store as out of date', async () => {
    const values = filledIn({ file: 'F0CSV00001', account: '333333333333', bucket: 'stg-data' });

    const { ack, jobs } = await submit('V0UP4', MAKER, values, '{"ref":"not-a-uuid"}');

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
