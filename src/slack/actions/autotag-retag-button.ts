import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { RETAG_ACTION } from '../../../blocks/autotag-notice';
import { retagModal } from '../../../blocks/autotag-retag-modal';
import { noticeReply } from '../../../blocks/notice';
import { checkClick } from '../../autotag/check-click';
import { logger } from '../../logging/logger';
import type { SlackAppDeps } from '../deps';
import { userGroupMembers } from '../user-group-members';
import { clickOf } from './autotag-click';

/** Retag on an auto-tagging notice: checks the notice and the person, then opens the owner modal. */
export function registerAutotagRetagButton(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>(RETAG_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = clickOf(body, action);
    const check = await checkClick(click, { ...deps, groupMembers: userGroupMembers(client) });
    if (!check.ok) {
      logger.info('retag refused', { user: click.userId, noticeId: click.noticeId });
      const reply = noticeReply('problem', check.reason);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: reply.text,
        blocks: reply.blocks,
      });
      return;
    }
    const view = retagModal(check.record.data, { noticeId: click.noticeId, responseUrl: body.response_url });
    await client.views.open({ trigger_id: body.trigger_id, view }).catch((error: unknown) => {
      // A Slack retry of the click carries a trigger_id that was already used: nothing to do.
      logger.warn('views.open failed', { error, noticeId: click.noticeId });
    });
  });
}
