import { describe, expect, it, vi } from 'vitest';
import { OWNER_TEXT_BLOCK, OWNER_USER_BLOCK } from '../../blocks/autotag-retag-modal';
import { planRetagSubmit, retagNotStartedErrors } from '../../src/autotag/plan-retag-submit';
import type { StateStore } from '../../src/store/state-store';
import { AUTOTAG_BOT_CONFIG } from '../support/listener-fakes';
import { useLocalStateStore } from '../support/local-state-store';
import { NOTICE_MESSAGE, storeAnnouncedNotice } from '../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const FINOPS = 'U0FINOPS01'; // autotag.retagAllowed.users
const BOB = 'U0BOB00001';
const STRANGER = 'U0STRANGE1';
const RESPONSE_URL = 'https://hooks.slack.com/actions/T0LOCAL01/1/retag-click';

describe('planRetagSubmit', () => {
  let store: StateStore;
  useLocalStateStore('plan-retag-submit-test', (s) => {
    store = s;
  });

  function plan(
    noticeId: string,
    userId: string,
    owner: { user?: string; text?: string },
    metadata?: string,
  ) {
    return planRetagSubmit(
      {
        viewId: `V0${noticeId}`,
        userId,
        ownerUserId: owner.user,
        ownerText: owner.text,
        privateMetadata: metadata ?? JSON.stringify({ noticeId, responseUrl: RESPONSE_URL }),
      },
      { store, config: AUTOTAG_BOT_CONFIG, groupMembers: vi.fn(async () => [] as string[]) },
    );
  }

  it('plans the retag to a person, answered in the channel of the notice', async () => {
    await storeAnnouncedNotice(store, 'evt-plan-1', ALICE);

    expect(await plan('evt-plan-1', FINOPS, { user: BOB })).toEqual({
      type: 'job',
      job: {
        kind: 'autotag-retag',
        id: 'V0evt-plan-1',
        reply: {
          responseUrl: RESPONSE_URL,
          userId: FINOPS,
          channelId: NOTICE_MESSAGE.channel,
          replaceOriginal: false,
        },
        noticeId: 'evt-plan-1',
        actor: FINOPS,
        owner: { slackUserId: BOB },
        confirm: false,
      },
    });
  });

  it('takes a typed team, trimmed', async () => {
    await storeAnnouncedNotice(store, 'evt-plan-2', ALICE);

    expect(await plan('evt-plan-2', ALICE, { text: '  team-payments ' })).toMatchObject({
      type: 'job',
      job: { owner: { text: 'team-payments' } },
    });
  });

  it.each([
    [{ text: '   ' }, undefined, OWNER_USER_BLOCK, 'Pick a person or type a team / cost centre.'],
    [{ user: BOB, text: 'team' }, undefined, OWNER_TEXT_BLOCK, 'Choose one: a person or a text, not both.'],
    [
      { user: BOB },
      '{not json',
      OWNER_USER_BLOCK,
      'This form is out of date; click Retag on the notice again.',
    ],
    [
      { user: BOB },
      JSON.stringify({ noticeId: 'evt-plan-3', responseUrl: 'not a url' }),
      OWNER_USER_BLOCK,
      'This form is out of date; click Retag on the notice again.',
    ],
  ])('shows a problem next to its field (%j, %s)', async (owner, metadata, block, message) => {
    expect(await plan('evt-plan-3', ALICE, owner, metadata)).toEqual({
      type: 'errors',
      errors: { [block]: message },
    });
  });

  it('checks the person again, and audits the refusal', async () => {
    await storeAnnouncedNotice(store, 'evt-plan-4', ALICE);

    const result = await plan('evt-plan-4', STRANGER, { user: STRANGER });

    expect(result).toEqual({
      type: 'errors',
      errors: {
        [OWNER_USER_BLOCK]: expect.stringMatching(/people on the retag allow-list .* may change the owner/),
      },
    });
    expect(await store.listAudit('autotag.retag')).toContainEqual(
      expect.objectContaining({ actor: STRANGER, target: 'evt-plan-4', result: 'refused' }),
    );
  });

  it('refuses a notice the bot never announced', async () => {
    expect(await plan('evt-plan-never', FINOPS, { user: BOB })).toEqual({
      type: 'errors',
      errors: { [OWNER_USER_BLOCK]: expect.stringContaining('no record of announcing') },
    });
  });
});

describe('retagNotStartedErrors', () => {
  it("shows the worker's refusal next to the text field when it is about the typed owner", () => {
    expect(
      retagNotStartedErrors({
        status: 'refused',
        sentence: 'The owner is too long.',
        problems: ['owner.text: too long'],
      }),
    ).toEqual({ [OWNER_TEXT_BLOCK]: 'Nothing was changed. The owner is too long.' });
  });

  it('shows any other refusal, and a worker out of reach, next to the person field', () => {
    expect(
      retagNotStartedErrors({ status: 'refused', sentence: 'Bad actor.', problems: ['actor: invalid'] }),
    ).toEqual({
      [OWNER_USER_BLOCK]: 'Nothing was changed. Bad actor.',
    });
    expect(retagNotStartedErrors({ status: 'failed' })).toEqual({
      [OWNER_USER_BLOCK]: 'Could not start the retag just now. Please try again in a minute.',
    });
  });
});
