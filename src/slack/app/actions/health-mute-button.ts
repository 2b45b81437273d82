import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readableEventType } from '../../../../blocks/health-format';
import { healthMuteModal } from '../../../../blocks/health-mute-modal';
import { noticeReply } from '../../../../blocks/notice';
import { alertView, muteChoicesOf } from '../../../health/alert-accounts';
import { findPostedAlert } from '../../../health/message-index';
import type { MuteModalState } from '../../../health/mute-modal-state';
import { MUTE_REFUSAL, mayMute } from '../../../health/mute-permission';
import { NOT_AN_ALERT } from '../../../health/run-watch-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { saveViewMetadata } from '../view-metadata';
import { answerClick, healthClickOf } from './health-click';

/** "Mute…" on a Health alert: allowed people get the modal (bound to this alert); anyone else a refusal. */
export function healthMuteButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, client, respond }) => {
    await ack();
    const click = healthClickOf(body);
    const problem = (text: string) => answerClick(respond, noticeReply('problem', text));
    if (!(await mayMute(click.userId, deps.config, userGroupMembers(client)))) {
      await auditRefusal(
        { action: 'health.mute', target: `${click.channelId}/${click.ts}` },
        click.userId,
        deps,
        client,
      );
      return void (await problem(MUTE_REFUSAL));
    }
    const alert = click.ephemeral ? undefined : await findPostedAlert(deps.store, click.channelId, click.ts);
    const view = alert && (await alertView(deps.store, alert));
    if (!alert || !view || !click.channelId || !click.ts) return void (await problem(NOT_AN_ALERT));
    const choices = muteChoicesOf(view);
    const metadata: MuteModalState = {
      channelId: click.channelId,
      ts: click.ts,
      responseUrl: body.response_url,
      scopes: choices.map((c) => c.scope),
    };
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: healthMuteModal({
          title: `${view.service} ${readableEventType(view.eventTypeCode, view.service)}`,
          choices: choices.map((c) => c.label),
          privateMetadata: await saveViewMetadata(deps.store, metadata),
        }),
      });
    } catch (error) {
      logger.warn('views.open failed', { error, eventArn: alert.eventArn });
      await problem('Slack did not open the Mute form in time. Click Mute… again; nothing was changed.');
    }
  };
}
