import { describe, expect, it, vi } from 'vitest';
import { MINE_ACTION } from '../../../../blocks/autotag-notice';
import { autotagMineButton } from '../../../../src/slack/app/actions/autotag-mine-button';
import type { StateStore } from '../../../../src/store/state-store';
import {
  AUTOTAG_BOT_CONFIG,
  calledBefore,
  callListener,
  fakeSlackClient,
  type ListenerDeps,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { blockActionPayload } from '../../../support/slack-payloads';
import { NOTICE_MESSAGE, storeAnnouncedNotice } from '../../../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const STRANGER = 'U0STRANGE1';

describe('"It\'s mine" button listener', () => {
  let store: StateStore;
  useLocalStateStore('mine-button-test', (s) => {
    store = s;
  });

  async function clickMine(noticeId: string, userId: string, triggerId: string, deps: ListenerDeps) {
    const client = fakeSlackClient();
    const ack = vi.fn(async () => undefined);
    const respond = vi.fn(async (_message: unknown) => undefined);
    const body = blockActionPayload({
      actionId: MINE_ACTION,
      value: noticeId,
      userId,
      channel: NOTICE_MESSAGE.channel,
      ts: NOTICE_MESSAGE.ts,
      triggerId,
      responseUrl: `https://hooks.slack.com/actions/T0LOCAL01/1/${triggerId}`,
    });
    await callListener(autotagMineButton(deps), { ack, respond, client, body, action: body.actions[0] });
    return { ack, respond, client, body };
  }

  it("acks at once, hands the launcher's claim to the worker and says it is working on it", async () => {
    await storeAnnouncedNotice(store, 'evt-mine-1', ALICE);
    const deps = listenerDeps(store, AUTOTAG_BOT_CONFIG);

    const { ack, respond, body } = await clickMine('evt-mine-1', ALICE, 'mine-1', deps);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(calledBefore(ack, respond)).toBe(true);
    expect(deps.dispatcher.jobs).toEqual([
      {
        kind: 'autotag-retag',
        id: 'mine-1',
        reply: {
          responseUrl: body.response_url,
          userId: ALICE,
          channelId: NOTICE_MESSAGE.channel,
          replaceOriginal: false,
        },
        noticeId: 'evt-mine-1',
        actor: ALICE,
        owner: { slackUserId: ALICE },
        confirm: true,
      },
    ]);
    expect(respond).toHaveBeenCalledTimes(1);
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Marking these resources as yours…',
      }),
    );
  });

  it('refuses someone who is neither the launcher nor allow-listed, and starts nothing', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-2', ALICE);
    const deps = listenerDeps(store, AUTOTAG_BOT_CONFIG);

    const { ack, respond } = await clickMine('evt-mine-2', STRANGER, 'mine-2', deps);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(deps.dispatcher.jobs).toEqual([]);
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({
        replace_original: false,
        text: expect.stringMatching(/people on the retag allow-list .* may change the owner/),
      }),
    );
  });

  it('starts one job for a Slack retry of the same click, and answers only the first', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-3', ALICE);
    const deps = listenerDeps(store, AUTOTAG_BOT_CONFIG);

    await clickMine('evt-mine-3', ALICE, 'mine-3', deps);
    const retry = await clickMine('evt-mine-3', ALICE, 'mine-3', deps);

    expect(deps.dispatcher.jobs).toHaveLength(1);
    expect(retry.ack).toHaveBeenCalledTimes(1);
    expect(retry.respond).not.toHaveBeenCalled();
  });

  it('tells the person to try again when the worker cannot be reached', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-4', ALICE);
    const deps = listenerDeps(store, AUTOTAG_BOT_CONFIG);
    deps.dispatcher.failure = new Error('Lambda is throttling');

    const { respond } = await clickMine('evt-mine-4', ALICE, 'mine-4', deps);

    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({ text: 'Could not start that just now. Please try again in a minute.' }),
    );
  });
});
