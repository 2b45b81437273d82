import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import * as z from 'zod';
import {
  OWNER_INPUT_ACTION,
  OWNER_TEXT_BLOCK,
  OWNER_USER_BLOCK,
} from '../../../../blocks/autotag-retag-modal';
import { checkClick } from '../../../autotag/check-click';
import { type AutotagNotice, noticeKey } from '../../../autotag/notice-record';
import type { AutotagRetagJob } from '../../../autotag/retag-job';
import { acceptJob, JobRefusedError } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

const modalState = z.object({
  noticeId: z.string().min(1).max(100),
  responseUrl: z.url(),
});

/** The modal's private_metadata as JSON, or undefined when it is not JSON (forged or mangled: "out of date"). */
function parsedMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

/** The Retag modal's submit: one owner chosen, the person checked again, then the worker does the rest. */
export function autotagRetagSubmit(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const errors = (block: string, message: string) =>
      ack({ response_action: 'errors', errors: { [block]: message } });
    const values = view.state.values;
    const slackUserId = values[OWNER_USER_BLOCK]?.[OWNER_INPUT_ACTION]?.selected_user ?? undefined;
    const text = values[OWNER_TEXT_BLOCK]?.[OWNER_INPUT_ACTION]?.value?.trim() || undefined;
    if (!slackUserId && !text) return errors(OWNER_USER_BLOCK, 'Pick a person or type a team / cost centre.');
    if (slackUserId && text) return errors(OWNER_TEXT_BLOCK, 'Choose one: a person or a text, not both.');
    const state = modalState.safeParse(parsedMetadata(view.private_metadata));
    if (!state.success)
      return errors(OWNER_USER_BLOCK, 'This form is out of date; click Retag on the notice again.');
    const { pk, sk } = noticeKey(state.data.noticeId);
    const record = await deps.store.get<AutotagNotice>(pk, sk);
    const check = await checkClick(
      {
        noticeId: state.data.noticeId,
        userId: body.user.id,
        channelId: record?.data.message?.channel,
        messageTs: record?.data.message?.ts,
      },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (!check.ok) return errors(OWNER_USER_BLOCK, check.reason.slice(0, 2000));
    const job: AutotagRetagJob = {
      kind: 'autotag-retag',
      id: view.id,
      reply: {
        responseUrl: state.data.responseUrl,
        userId: body.user.id,
        channelId: check.record.data.message?.channel ?? 'unknown',
        replaceOriginal: false,
      },
      noticeId: state.data.noticeId,
      actor: body.user.id,
      owner: slackUserId ? { slackUserId } : { text: text ?? '' },
      confirm: false,
    };
    try {
      await acceptJob(job, deps);
      await ack();
    } catch (error) {
      if (error instanceof JobRefusedError) {
        const block = error.problems.some((p) => p.startsWith('owner.text'))
          ? OWNER_TEXT_BLOCK
          : OWNER_USER_BLOCK;
        return errors(block, `Nothing was changed. ${error.sentence}`.slice(0, 2000));
      }
      logger.error('could not start the retag job', { error, noticeId: state.data.noticeId });
      await errors(OWNER_USER_BLOCK, 'Could not start the retag just now. Please try again in a minute.');
    }
  };
}
