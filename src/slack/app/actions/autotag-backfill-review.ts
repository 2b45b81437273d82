import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { backfillModal } from '../../../../blocks/autotag-backfill';
import { noticeReply } from '../../../../blocks/notice';
import { BACKFILL_REFUSED, mayBackfill } from '../../../autotag/backfill-permission';
import { type BackfillPlan, backfillKey } from '../../../autotag/backfill-plan';
import { logger } from '../../../lambda/logger';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

/** "Review and tag…" on a backfill scan: the person checked, then the confirmation modal with per-type counts. */
export function autotagBackfillReview(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const problem = async (text: string) => {
      await respond(replyBody(noticeReply('problem', text), { replaceOriginal: false }));
    };
    if (!(await mayBackfill(body.user.id, deps.config, userGroupMembers(client))))
      return problem(BACKFILL_REFUSED);
    const planId = action.value ?? '';
    const plan = (await deps.store.get<BackfillPlan>(backfillKey(planId)))?.data;
    if (!plan)
      return problem('This backfill has expired (a scan is kept a day). Run /aws-tag backfill again.');
    const view = backfillModal(
      { planId, ...plan, itemCount: plan.items.length },
      { planId, responseUrl: body.response_url },
    );
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      logger.warn('views.open failed', { error, planId });
      await problem('Slack did not open the confirmation in time. Click again; nothing was tagged.');
    }
  };
}
