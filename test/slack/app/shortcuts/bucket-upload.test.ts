import { describe, expect, it, vi } from 'vitest';
import { UPLOAD_SHORTCUT, UPLOAD_SUBMIT_CALLBACK } from '../../../../blocks/bucket-upload-modal';
import { uploadMetadata } from '../../../../src/buckets/modal-metadata';
import { bucketUploadShortcut } from '../../../../src/slack/app/shortcuts/bucket-upload';
import { loadViewMetadata } from '../../../../src/slack/app/view-metadata';
import type { StateStore } from '../../../../src/store/state-store';
import {
  calledBefore,
  callListener,
  type FakeSlackClient,
  fakeSlackClient,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { messageShortcutPayload } from '../../../support/slack-payloads';

const MAKER = 'U0MAKER01'; // buckets.allow.upload
const STRANGER = 'U0STRANGE1';

describe('"Upload to S3" message shortcut listener', () => {
  let store: StateStore;
  useLocalStateStore('upload-shortcut-test', (s) => {
    store = s;
  });

  async function useShortcut(
    userId: string,
    files: Parameters<typeof messageShortcutPayload>[0]['files'],
    client: FakeSlackClient = fakeSlackClient(),
  ) {
    const ack = vi.fn(async () => undefined);
    const respond = vi.fn(async (_message: unknown) => undefined);
    const shortcut = messageShortcutPayload({
      callbackId: UPLOAD_SHORTCUT,
      userId,
      triggerId: `upload.${userId}`,
      files,
    });
    await callListener(bucketUploadShortcut(listenerDeps(store)), {
      ack,
      respond,
      client,
      shortcut,
      body: shortcut,
    });
    return { ack, respond, client, shortcut };
  }

  it("acks at once, then opens the upload modal with the message's files and the default account", async () => {
    const files = [
      { id: 'F0CSV00001', name: 'data.csv', mode: 'hosted' },
      { id: 'F0GONE0001', name: 'deleted.csv', mode: 'tombstone' },
      { id: 'F0LINK0001', name: 'drive.csv', mode: 'external' },
    ];

    const { ack, respond, client, shortcut } = await useShortcut(MAKER, files);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(calledBefore(ack, client.views.open)).toBe(true);
    const { trigger_id, view } = client.views.open.mock.calls[0]?.[0] ?? { trigger_id: '', view: {} };
    expect(trigger_id).toBe(shortcut.trigger_id);
    expect(view.callback_id).toBe(UPLOAD_SUBMIT_CALLBACK);
    expect(await loadViewMetadata(store, uploadMetadata, String(view.private_metadata))).toEqual({
      reply: {
        responseUrl: shortcut.response_url,
        userId: MAKER,
        channelId: 'C0LOCAL01',
        teamId: 'T0LOCAL01',
      },
      files: [{ id: 'F0CSV00001', name: 'data.csv' }],
      userName: 'someone',
    });
    expect(JSON.stringify(view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"staging (333333333333)"',
    );
    expect(respond).not.toHaveBeenCalled();
  });

  it('refuses someone not on the upload allow-list, only to them, opens nothing and audits it', async () => {
    const { ack, respond, client } = await useShortcut(STRANGER, [{ id: 'F0CSV00001', name: 'data.csv' }]);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(client.views.open).not.toHaveBeenCalled();
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'You are not on the allow-list for uploads to S3, so nothing was done.',
      }),
    );
    expect(await store.listAudit('bucket.upload')).toContainEqual(
      expect.objectContaining({ actor: STRANGER, target: '(shortcut)', result: 'refused' }),
    );
  });

  it('says so when the message has no file the bot can upload', async () => {
    const { respond, client } = await useShortcut(MAKER, undefined);

    expect(client.views.open).not.toHaveBeenCalled();
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        text: 'That message has no file the bot can upload. Use the shortcut on a message with an attached file.',
      }),
    );
  });

  it('tells the person to try again when Slack does not open the modal', async () => {
    const client = fakeSlackClient();
    client.views.open.mockRejectedValueOnce(new Error('expired_trigger_id'));

    const { ack, respond } = await useShortcut(MAKER, [{ id: 'F0CSV00001', name: 'data.csv' }], client);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({ text: 'Could not open the upload dialog. Please try the shortcut again.' }),
    );
  });
});
