import { describe, expect, it, vi } from 'vitest';
import { planMineClick } from '../../src/autotag/plan-mine-click';
import type { StateStore } from '../../src/store/state-store';
import { AUTOTAG_BOT_CONFIG } from '../support/listener-fakes';
import { useLocalStateStore } from '../support/local-state-store';
import { NOTICE_MESSAGE, storeAnnouncedNotice } from '../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const STRANGER = 'U0STRANGE1';
const RESPONSE_URL = 'https://hooks.slack.com/actions/T0LOCAL01/1/mine';

describe('planMineClick', () => {
  let store: StateStore;
  useLocalStateStore('plan-mine-click-test', (s) => {
    store = s;
  });

  const plan = (noticeId: string, userId: string, ts = NOTICE_MESSAGE.ts) =>
    planMineClick(
      {
        click: { noticeId, userId, channelId: NOTICE_MESSAGE.channel, messageTs: ts },
        triggerId: `mine.${noticeId}`,
        responseUrl: RESPONSE_URL,
      },
      { store, config: AUTOTAG_BOT_CONFIG, groupMembers: vi.fn(async () => [] as string[]) },
    );

  it('makes the launcher the owner, keyed by the trigger id, answered beside the notice', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-plan-1', ALICE);

    expect(await plan('evt-mine-plan-1', ALICE)).toEqual({
      type: 'job',
      job: {
        kind: 'autotag-retag',
        id: 'mine.evt-mine-plan-1',
        reply: {
          responseUrl: RESPONSE_URL,
          userId: ALICE,
          channelId: NOTICE_MESSAGE.channel,
          replaceOriginal: false,
        },
        noticeId: 'evt-mine-plan-1',
        actor: ALICE,
        owner: { slackUserId: ALICE },
        confirm: true,
      },
      working: 'Marking these resources as yours…',
    });
  });

  it('refuses someone who is neither the launcher nor allow-listed', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-plan-2', ALICE);

    expect(await plan('evt-mine-plan-2', STRANGER)).toEqual({
      type: 'refused',
      reason: expect.stringMatching(/people on the retag allow-list .* may change the owner/),
    });
  });

  it('refuses a click that did not come from the notice it names', async () => {
    await storeAnnouncedNotice(store, 'evt-mine-plan-3', ALICE);

    expect(await plan('evt-mine-plan-3', ALICE, '1700000000.999999')).toEqual({
      type: 'refused',
      reason: 'This button does not belong to the notice it names, so the bot changes nothing.',
    });
  });
});
