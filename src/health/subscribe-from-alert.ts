import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { SubscriptionTarget } from '../store/subscriptions';
import { alertView } from './alert-accounts';
import { type SubscriptionDeps, subscribe } from './manage-subscriptions';
import type { PostedAlert } from './message-index';
import { NOT_AN_ALERT } from './run-watch-job';

export interface AlertSubscribeClick {
  userId: string;
  /** The alert the click came from (found by the payload's channel and ts), undefined when it is not one. */
  alert: PostedAlert | undefined;
  what: 'account' | 'service';
  /** The account picked (the button's value or the menu's choice); checked against the accounts the alert shows. */
  accountId?: string;
}

/**
 * "Notify me about this account / this service" on a Health alert: bound to the alert (an account must be one
 * it shows, the service is the alert's own), then subscribe as anywhere else — a second click says so.
 */
export async function subscribeFromAlert(
  deps: SubscriptionDeps,
  click: AlertSubscribeClick,
): Promise<SlackReply> {
  const view = click.alert && (await alertView(deps.store, click.alert));
  if (!view) return noticeReply('problem', NOT_AN_ALERT);
  let target: SubscriptionTarget;
  if (click.what === 'service') {
    target = { kind: 'service', service: view.service };
  } else {
    const shown = Object.keys(view.accounts);
    const accountId = click.accountId ?? (shown.length === 1 ? shown[0] : undefined);
    if (!accountId || !shown.includes(accountId))
      return noticeReply(
        'problem',
        'That account is not on this alert; nothing changed.',
        'Pick one the alert shows.',
      );
    target = { kind: 'account', accountId };
  }
  return subscribe(deps, click.userId, target, 'alert');
}
