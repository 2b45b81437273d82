import * as z from 'zod';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import type { BackfillTagJob } from './backfill-job';
import { BACKFILL_REFUSED, mayBackfill } from './backfill-permission';
import { BACKFILL_SECONDS, type BackfillPlan, backfillKey } from './backfill-plan';

/** The backfill confirmation's submission, as the listener reads it from Slack's payload. */
export interface BackfillSubmission {
  /** The modal's view id: the job's idempotency key (a Slack retry carries the same one). */
  viewId: string;
  userId: string;
  privateMetadata: string | undefined;
}

/** Why nothing starts (shown in the modal), or the tagging job. */
export type BackfillSubmitPlan = { type: 'refused'; text: string } | { type: 'job'; job: BackfillTagJob };

const modalState = z.object({ planId: z.string().min(1).max(300), responseUrl: z.url() });

function parsedMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

/**
 * The plan claimed for one confirmation (a conditional write of `confirmedBy`): two "Review and tag…" modals on
 * one plan have two view ids, and would start two tag jobs. The same modal submitted again (a Slack retry) is
 * the same confirmation, and its job is idempotent by the view id.
 */
async function confirmOnce(store: StateStore, planId: string, s: BackfillSubmission): Promise<boolean> {
  const key = `${backfillKey(planId)}#confirmed`;
  const confirmation = { confirmedBy: s.userId, viewId: s.viewId };
  if (await store.create(key, '#', confirmation, { ttlSeconds: BACKFILL_SECONDS })) return true;
  return (await store.get<typeof confirmation>(key))?.data.viewId === s.viewId;
}

/**
 * The confirmation's submit: the person checked again against the allow-list (a refusal is audited) and the plan
 * the modal was opened for still kept, then the job that tags exactly that plan.
 */
export async function planBackfillSubmit(
  s: BackfillSubmission,
  deps: { store: StateStore; config: AppConfig; groupMembers: GroupMembers },
): Promise<BackfillSubmitPlan> {
  const state = modalState.safeParse(parsedMetadata(s.privateMetadata));
  if (!state.success)
    return { type: 'refused', text: 'This form is out of date; run /aws-tag backfill again.' };
  const { planId, responseUrl } = state.data;
  if (!(await mayBackfill(s.userId, deps.config, deps.groupMembers))) {
    await deps.store.audit({
      action: 'autotag.backfill',
      actor: s.userId,
      target: planId,
      result: 'refused',
    });
    return { type: 'refused', text: BACKFILL_REFUSED };
  }
  if (!(await deps.store.get<BackfillPlan>(backfillKey(planId)))) {
    return {
      type: 'refused',
      text: 'This backfill has expired (a scan is kept a day). Run /aws-tag backfill again.',
    };
  }
  if (!(await confirmOnce(deps.store, planId, s))) {
    return {
      type: 'refused',
      text: 'This backfill was already confirmed (in another window); its result is posted where it was started.',
    };
  }
  return {
    type: 'job',
    job: {
      kind: 'autotag-backfill-tag',
      id: s.viewId,
      reply: { responseUrl, userId: s.userId, channelId: 'unknown', replaceOriginal: true },
      actor: s.userId,
      planId,
    },
  };
}
