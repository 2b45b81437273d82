import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { RETAG_ACTION } from '../../../../blocks/autotag-notice';
import { retagModal } from '../../../../blocks/autotag-retag-modal';
import { noticeReply } from '../../../../blocks/notice';
import { checkClick } from '../../../autotag/check-click';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { clickOf } from './autotag-click';

/** Retag on an auto-tagging notice: checks the notice and the person, then opens the owner modal. */
export function registerAutotagRetagButton(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>(RETAG_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = clickOf(body, action);
    const check = await checkClick(click, { ...deps, groupMembers: userGroupMembers(client) });
    const problem = async (text: string) => {
      const reply = noticeReply('problem', text);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: reply.text,
        blocks: reply.blocks,
      });
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
  });
}
