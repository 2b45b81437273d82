import { describe, expect, it, vi } from 'vitest';
import { checkHomeClick, NOT_YOUR_LAUNCH } from '../../src/autotag/check-home-click';
import { planHomeMineClick } from '../../src/autotag/plan-mine-click';
import type { StateStore } from '../../src/store/state-store';
import { AUTOTAG_BOT_CONFIG } from '../support/listener-fakes';
import { useLocalStateStore } from '../support/local-state-store';
import { storeAnnouncedNotice } from '../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const BOB = 'U0BOB00001';

describe('Retag / It’s mine from the Home tab', () => {
  let store: StateStore;
  useLocalStateStore('check-home-click-test', (s) => {
    store = s;
  });
  const deps = () => ({ store, config: AUTOTAG_BOT_CONFIG, groupMembers: vi.fn(async () => [] as string[]) });

  it('lets the launcher the notice names claim it, and answers in their DM', async () => {
    await storeAnnouncedNotice(store, 'evt-home-1', ALICE);

    const plan = await planHomeMineClick(
      { noticeId: 'evt-home-1', userId: ALICE, triggerId: 'home.1' },
      deps(),
    );

    expect(plan).toMatchObject({
      type: 'job',
      job: {
        kind: 'autotag-retag',
        id: 'home.1',
        reply: { home: true, userId: ALICE },
        owner: { slackUserId: ALICE },
      },
    });
  });

  it('refuses and audits a click on a launch that does not name the person', async () => {
    await storeAnnouncedNotice(store, 'evt-home-2', ALICE);

    const check = await checkHomeClick({ noticeId: 'evt-home-2', userId: BOB }, deps());

    expect(check).toEqual({ ok: false, reason: NOT_YOUR_LAUNCH });
    const audits = await store.listAudit('autotag.retag');
    expect(audits[0]).toMatchObject({ actor: BOB, target: 'evt-home-2', result: 'refused' });
  });

  it('checks the allow-list again: a launcher may not claim when launchers may not retag', async () => {
    await storeAnnouncedNotice(store, 'evt-home-3', ALICE);
    const config = {
      ...AUTOTAG_BOT_CONFIG,
      autotag: { ...AUTOTAG_BOT_CONFIG.autotag, creatorMayRetag: false },
    };

    const check = await checkHomeClick({ noticeId: 'evt-home-3', userId: ALICE }, { ...deps(), config });

    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/retag allow-list/) });
  });

  it('refuses a notice the bot has no record of', async () => {
    const check = await checkHomeClick({ noticeId: 'evt-home-none', userId: ALICE }, deps());

    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/no record of announcing/) });
  });
});
