import { describe, expect, it, vi } from 'vitest';
import { OWNER_TEXT_BLOCK, OWNER_USER_BLOCK } from '../../../../blocks/autotag-retag-modal';
import { autotagRetagSubmit } from '../../../../src/slack/app/views/autotag-retag-submit';
import type { StateStore } from '../../../../src/store/state-store';
import {
  AUTOTAG_BOT_CONFIG,
  callListener,
  fakeSlackClient,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { retagSubmissionPayload } from '../../../support/slack-payloads';
import { NOTICE_MESSAGE, storeAnnouncedNotice } from '../../../support/stored-autotag-notice';

const ALICE = 'U0ALICE001'; // the launcher
const FINOPS = 'U0FINOPS01'; // autotag.retagAllowed.users
const BOB = 'U0BOB00001';
const STRANGER = 'U0STRANGE1';
const RESPONSE_URL = 'https://hooks.slack.com/actions/T0LOCAL01/1/retag-click';

describe('Retag modal submission listener', () => {
  let store: StateStore;
  useLocalStateStore('retag-submit-test', (s) => {
    store = s;
  });

  async function submit(options: {
    noticeId: string;
    userId: string;
    ownerUser?: string;
    ownerText?: string;
    privateMetadata?: string;
  }) {
    const deps = listenerDeps(store, AUTOTAG_BOT_CONFIG);
    const ack = vi.fn(async (_response?: unknown) => undefined);
    const body = retagSubmissionPayload({
      viewId: `V0${options.noticeId}`,
      userId: options.userId,
      privateMetadata:
        options.privateMetadata ?? JSON.stringify({ noticeId: options.noticeId, responseUrl: RESPONSE_URL }),
      ...(options.ownerUser ? { ownerUser: options.ownerUser } : {}),
      ...(options.ownerText ? { ownerText: options.ownerText } : {}),
    });
    await callListener(autotagRetagSubmit(deps), { ack, body, view: body.view, client: fakeSlackClient() });
    return { ack, jobs: deps.dispatcher.jobs, body };
  }

  it('hands a retag to a person to the worker and closes the modal', async () => {
    await storeAnnouncedNotice(store, 'evt-submit-1', ALICE);

    const { ack, jobs } = await submit({ noticeId: 'evt-submit-1', userId: FINOPS, ownerUser: BOB });

    expect(jobs).toEqual([
      {
        kind: 'autotag-retag',
        id: 'V0evt-submit-1',
        reply: {
          responseUrl: RESPONSE_URL,
          userId: FINOPS,
          channelId: NOTICE_MESSAGE.channel,
          replaceOriginal: false,
        },
        noticeId: 'evt-submit-1',
        actor: FINOPS,
        owner: { slackUserId: BOB },
        confirm: false,
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
  });

  it('takes a typed team as the owner, trimmed', async () => {
    await storeAnnouncedNotice(store, 'evt-submit-2', ALICE);

    const { jobs } = await submit({ noticeId: 'evt-submit-2', userId: ALICE, ownerText: '  team-payments ' });

    expect(jobs[0]).toMatchObject({ actor: ALICE, owner: { text: 'team-payments' } });
  });

  it.each([
    [{}, OWNER_USER_BLOCK, 'Pick a person or type a team / cost centre.'],
    [
      { ownerUser: BOB, ownerText: 'team-payments' },
      OWNER_TEXT_BLOCK,
      'Choose one: a person or a text, not both.',
    ],
    [
      { ownerUser: BOB, privateMetadata: '{not json' },
      OWNER_USER_BLOCK,
      'This form is out of date; click Retag on the notice again.',
    ],
  ])('keeps the modal open with the problem next to the field (%j)', async (input, block, message) => {
    await storeAnnouncedNotice(store, `evt-submit-bad-${block}-${message.length}`, ALICE);

    const { ack, jobs } = await submit({
      noticeId: `evt-submit-bad-${block}-${message.length}`,
      userId: ALICE,
      ...input,
    });

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [block]: message } });
  });

  it('checks the person again at submission and refuses someone not allowed', async () => {
    await storeAnnouncedNotice(store, 'evt-submit-3', ALICE);

    const { ack, jobs } = await submit({ noticeId: 'evt-submit-3', userId: STRANGER, ownerUser: STRANGER });

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: {
        [OWNER_USER_BLOCK]: expect.stringMatching(/people on the retag allow-list .* may change the owner/),
      },
    });
  });
});
