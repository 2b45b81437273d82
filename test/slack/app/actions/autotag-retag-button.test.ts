import { describe, expect, it, vi } from 'vitest';
import { RETAG_ACTION } from '../../../../blocks/autotag-notice';
import { RETAG_VIEW } from '../../../../blocks/autotag-retag-modal';
import { autotagRetagButton } from '../../../../src/slack/app/actions/autotag-retag-button';
import type { StateStore } from '../../../../src/store/state-store';
import {
  AUTOTAG_BOT_CONFIG,
  calledBefore,
  callListener,
  fakeSlackClient,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { blockActionPayload } from '../../../support/slack-payloads';
import { NOTICE_MESSAGE, storeAnnouncedNotice } from '../../../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const STRANGER = 'U0STRANGE1';

describe('Retag button listener', () => {
  let store: StateStore;
  useLocalStateStore('retag-button-test', (s) => {
    store = s;
  });

  async function clickRetag(
    noticeId: string,
    userId: string,
    options: { ts?: string; client?: ReturnType<typeof fakeSlackClient> } = {},
  ) {
    const client = options.client ?? fakeSlackClient();
    const ack = vi.fn(async () => undefined);
    const respond = vi.fn(async (_message: unknown) => undefined);
    const body = blockActionPayload({
      actionId: RETAG_ACTION,
      value: noticeId,
      userId,
      channel: NOTICE_MESSAGE.channel,
      ts: options.ts ?? NOTICE_MESSAGE.ts,
      triggerId: `${noticeId}.${userId}.trigger`,
      responseUrl: `https://hooks.slack.com/actions/T0LOCAL01/1/${noticeId}`,
    });
    await callListener(autotagRetagButton(listenerDeps(store, AUTOTAG_BOT_CONFIG)), {
      ack,
      respond,
      client,
      body,
      action: body.actions[0],
    });
    return { ack, respond, client, body };
  }

  it('acks at once, then opens the owner modal for the launcher, carrying the notice and where to answer', async () => {
    await storeAnnouncedNotice(store, 'evt-retag-1', ALICE);

    const { ack, respond, client, body } = await clickRetag('evt-retag-1', ALICE);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(calledBefore(ack, client.views.open)).toBe(true);
    expect(client.views.open).toHaveBeenCalledTimes(1);
    const { trigger_id, view } = client.views.open.mock.calls[0]?.[0] ?? { trigger_id: '', view: {} };
    expect(trigger_id).toBe(body.trigger_id);
    expect(view.callback_id).toBe(RETAG_VIEW);
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      noticeId: 'evt-retag-1',
      responseUrl: body.response_url,
    });
    expect(respond).not.toHaveBeenCalled();
  });

  it('refuses someone who may not retag, only to them, leaves the notice as it is, and audits it', async () => {
    await storeAnnouncedNotice(store, 'evt-retag-2', ALICE);

    const { ack, respond, client } = await clickRetag('evt-retag-2', STRANGER);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(client.views.open).not.toHaveBeenCalled();
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        response_type: 'ephemeral',
        replace_original: false,
        text: expect.stringMatching(/people on the retag allow-list .* may change the owner/),
      }),
    );
    expect(await store.listAudit('autotag.retag')).toContainEqual(
      expect.objectContaining({ actor: STRANGER, target: 'evt-retag-2', result: 'refused' }),
    );
  });

  it('refuses a click whose button names a notice posted in another message', async () => {
    await storeAnnouncedNotice(store, 'evt-retag-3', ALICE);

    const { ack, respond, client } = await clickRetag('evt-retag-3', ALICE, { ts: '1700000000.999999' });

    expect(ack).toHaveBeenCalledTimes(1);
    expect(client.views.open).not.toHaveBeenCalled();
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        text: 'This button does not belong to the notice it names, so the bot changes nothing.',
      }),
    );
  });

  it('tells the person to click again when Slack does not open the modal in time', async () => {
    await storeAnnouncedNotice(store, 'evt-retag-4', ALICE);
    const client = fakeSlackClient();
    client.views.open.mockRejectedValueOnce(new Error('expired_trigger_id'));

    const { ack, respond } = await clickRetag('evt-retag-4', ALICE, { client });

    expect(ack).toHaveBeenCalledTimes(1);
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        replace_original: false,
        text: 'Slack did not open the Retag form in time. Click Retag again; nothing was changed.',
      }),
    );
  });
});
