import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { retagModal } from '../../../../blocks/autotag-retag-modal';
import { noticeReply } from '../../../../blocks/notice';
import { checkClick } from '../../../autotag/check-click';
import { logger } from '../../../lambda/logger';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { clickOf } from './autotag-click';

/** Retag on an auto-tagging notice: checks the notice and the person, then opens the owner modal. */
export function autotagRetagButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = clickOf(body, action);
    const check = await checkClick(click, { ...deps, groupMembers: userGroupMembers(client) });
    const problem = async (text: string) => {
      await respond(replyBody(noticeReply('problem', text), { replaceOriginal: false }));
    };
    if (!check.ok) {
      logger.info('retag refused', { user: click.userId, noticeId: click.noticeId });
      return problem(check.reason);
    }
    const view = retagModal(check.record.data, { noticeId: click.noticeId, responseUrl: body.response_url });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      // Usually an expired trigger (Slack allows 3 s) or a Slack retry of a click whose form is already open.
      logger.warn('views.open failed', { error, noticeId: click.noticeId });
      await problem('Slack did not open the Retag form in time. Click Retag again; nothing was changed.');
    }
  };
}
