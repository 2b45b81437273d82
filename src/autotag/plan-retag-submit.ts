import * as z from 'zod';
import { OWNER_TEXT_BLOCK, OWNER_USER_BLOCK } from '../../blocks/autotag-retag-modal';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import { checkClick } from './check-click';
import { checkHomeClick } from './check-home-click';
import { type AutotagNotice, noticeKey } from './notice-record';
import type { AutotagRetagJob } from './retag-job';

/** The Retag modal's submission, as the listener reads it from Slack's payload. */
export interface RetagSubmission {
  /** The modal's view id: the job's idempotency key (a Slack retry carries the same one). */
  viewId: string;
  userId: string;
  ownerUserId: string | undefined;
  /** As typed (trimmed here). */
  ownerText: string | undefined;
  privateMetadata: string | undefined;
}

/** Problems to show next to the modal's fields (block id → message), or the job to start. */
export type RetagSubmitPlan =
  | { type: 'errors'; errors: Record<string, string> }
  | { type: 'job'; job: AutotagRetagJob };

const noticeId = z.string().min(1).max(100);
const modalState = z.union([
  z.object({ noticeId, responseUrl: z.url() }),
  z.object({ noticeId, home: z.literal(true) }),
]);

/** Slack shows at most 2,000 characters of a field error. */
const fieldError = (block: string, message: string): RetagSubmitPlan => ({
  type: 'errors',
  errors: { [block]: message.slice(0, 2000) },
});

/** The Retag modal's submit: one owner chosen, the person checked again, then the retag job for the worker. */
export async function planRetagSubmit(
  s: RetagSubmission,
  deps: { store: StateStore; config: AppConfig; groupMembers: GroupMembers },
): Promise<RetagSubmitPlan> {
  const slackUserId = s.ownerUserId || undefined;
  const text = s.ownerText?.trim() || undefined;
  if (!slackUserId && !text)
    return fieldError(OWNER_USER_BLOCK, 'Pick a person or type a team / cost centre.');
  if (slackUserId && text) return fieldError(OWNER_TEXT_BLOCK, 'Choose one: a person or a text, not both.');
  const state = modalState.safeParse(parsedMetadata(s.privateMetadata));
  if (!state.success)
    return fieldError(OWNER_USER_BLOCK, 'This form is out of date; click Retag on the notice again.');
  const { noticeId } = state.data;
  const fromHome = 'home' in state.data;
  // A modal has no message of its own: the click is checked against the message the notice was posted as (from
  // the Home tab, after checking the notice names the person, as the Home button did).
  const { pk, sk } = noticeKey(noticeId);
  const record = fromHome ? undefined : await deps.store.get<AutotagNotice>(pk, sk);
  const check = fromHome
    ? await checkHomeClick({ noticeId, userId: s.userId }, deps)
    : await checkClick(
        {
          noticeId,
          userId: s.userId,
          channelId: record?.data.message?.channel,
          messageTs: record?.data.message?.ts,
        },
        deps,
      );
  if (!check.ok) return fieldError(OWNER_USER_BLOCK, check.reason);
  return {
    type: 'job',
    job: {
      kind: 'autotag-retag',
      id: s.viewId,
      reply:
        'responseUrl' in state.data
          ? {
              responseUrl: state.data.responseUrl,
              userId: s.userId,
              channelId: check.record.data.message?.channel ?? 'unknown',
              replaceOriginal: false,
            }
          : { home: true, userId: s.userId },
      noticeId,
      actor: s.userId,
      owner: slackUserId ? { slackUserId } : { text: text ?? '' },
      confirm: false,
    },
  };
}

/**
 * What the modal shows when the worker did not take the job: its refusal next to the field it concerns, or a
 * try-again when it could not be reached.
 */
export function retagNotStartedErrors(
  outcome: { status: 'refused'; sentence: string; problems: readonly string[] } | { status: 'failed' },
): Record<string, string> {
  if (outcome.status === 'failed')
    return { [OWNER_USER_BLOCK]: 'Could not start the retag just now. Please try again in a minute.' };
  const block = outcome.problems.some((p) => p.startsWith('owner.text'))
    ? OWNER_TEXT_BLOCK
    : OWNER_USER_BLOCK;
  return { [block]: `Nothing was changed. ${outcome.sentence}`.slice(0, 2000) };
}

/** The modal's private_metadata as JSON, or undefined when it is not JSON (forged or mangled: "out of date"). */
function parsedMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}
