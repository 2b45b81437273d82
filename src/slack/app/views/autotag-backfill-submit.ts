import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import * as z from 'zod';
import { BACKFILL_REFUSED, mayBackfill } from '../../../autotag/backfill-permission';
import { type BackfillPlan, backfillKey } from '../../../autotag/backfill-plan';
import { acceptJob } from '../../../jobs/accept-job';
import type { JobOfKind } from '../../../jobs/job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

const modalState = z.object({ planId: z.string().min(1).max(300), responseUrl: z.url() });

function parsedMetadata(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

/** The backfill confirmation: the person checked again and the plan still there, then the worker tags it. */
export function autotagBackfillSubmit(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const refuse = (text: string) =>
      ack({
        response_action: 'update',
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'Backfill' },
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2900) } }],
        },
      });
    const state = modalState.safeParse(parsedMetadata(view.private_metadata));
    if (!state.success) return refuse('This form is out of date; run /aws-tag backfill again.');
    if (!(await mayBackfill(body.user.id, deps.config, userGroupMembers(client)))) {
      await deps.store.audit({
        action: 'autotag.backfill',
        actor: body.user.id,
        target: state.data.planId,
        result: 'refused',
      });
      return refuse(BACKFILL_REFUSED);
    }
    const plan = await deps.store.get<BackfillPlan>(backfillKey(state.data.planId));
    if (!plan)
      return refuse('This backfill has expired (a scan is kept a day). Run /aws-tag backfill again.');
    const job: JobOfKind<'autotag-backfill-tag'> = {
      kind: 'autotag-backfill-tag',
      id: view.id,
      reply: {
        responseUrl: state.data.responseUrl,
        userId: body.user.id,
        channelId: 'unknown',
        replaceOriginal: true,
      },
      actor: body.user.id,
      planId: state.data.planId,
    };
    try {
      await acceptJob(job, deps);
      await ack();
    } catch (error) {
      logger.error('could not start the backfill', { error, planId: state.data.planId });
      await refuse('Could not start the backfill just now. Please try again in a minute.');
    }
  };
}
