import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { retagModal } from '../../../../blocks/autotag-retag-modal';
import { checkHomeClick } from '../../../autotag/check-home-click';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { answerHomeClick, homeClickOf } from './home-click';

/** Retag under "Your launches" on the Home tab: the Home binding check, then the same owner modal as the notice's. */
export function homeRetagButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const click = homeClickOf(body, action);
    const check = await checkHomeClick(
      { noticeId: click.value, userId: click.userId },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (!check.ok) {
      logger.info('Home retag refused', { user: click.userId, noticeId: click.value });
      return answerHomeClick(client, click.triggerId, 'problem', check.reason);
    }
    const view = retagModal(check.record.data, { noticeId: click.value, home: true });
    try {
      await client.views.open({ trigger_id: click.triggerId, view });
    } catch (error) {
      logger.warn('views.open failed', { error, noticeId: click.value });
    }
  };
}
