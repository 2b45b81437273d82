import type {
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import { findPostedAlert } from '../../../health/message-index';
import { NOT_AN_ALERT } from '../../../health/run-watch-job';
import { subscribeFromAlert } from '../../../health/subscribe-from-alert';
import type { SlackAppDeps } from '../deps';
import { subscriptionDeps } from '../subscription-deps';
import { answerClick, healthClickOf } from './health-click';

type SubscribeAction = BlockAction<ButtonAction | StaticSelectAction>;

/**
 * "Notify me about this account" (a button, or a menu when the alert shows several accounts) and "Notify me
 * about this service" on a Health alert: whoever `health.subscribeAllowed` lets (everyone by default) may
 * subscribe themselves; the answer is ephemeral.
 */
export function healthSubscribeButton(
  deps: SlackAppDeps,
  what: 'account' | 'service',
): Middleware<SlackActionMiddlewareArgs<SubscribeAction>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const click = healthClickOf(body as BlockAction<ButtonAction>);
    if (click.ephemeral || !click.channelId || !click.ts)
      return void (await answerClick(respond, noticeReply('problem', NOT_AN_ALERT)));
    const alert = await findPostedAlert(deps.store, click.channelId, click.ts);
    const picked = action.type === 'static_select' ? action.selected_option?.value : action.value;
    const reply = await subscribeFromAlert(subscriptionDeps(deps, client), {
      userId: click.userId,
      alert,
      what,
      ...(what === 'account' && picked ? { accountId: picked } : {}),
    });
    await answerClick(respond, reply);
  };
}
