import type { ActionsBlockElement } from '@slack/types';
import type { HealthEventView } from '../src/health/event-view';
import { HEALTH_SUBSCRIBE_ACCOUNT, HEALTH_SUBSCRIBE_SERVICE } from './health-actions';
import { accountPlain } from './health-format';
import { plainText } from './message';
import { SLACK_LIMITS } from './slack-limits';
import { truncateText } from './truncate';

/** Accounts offered in the "Notify me about an account…" menu (Slack allows 100 options). */
const SUBSCRIBE_MENU_ACCOUNTS = 100;

/** "Notify me about this account": a button for an alert of one account, a menu of its accounts otherwise. */
function subscribeAccountElement(view: HealthEventView): ActionsBlockElement {
  const accounts = Object.entries(view.accounts);
  const [only] = accounts;
  if (accounts.length === 1 && only)
    return {
      type: 'button',
      action_id: HEALTH_SUBSCRIBE_ACCOUNT,
      text: plainText('Notify me about this account'),
      value: only[0],
    };
  return {
    type: 'static_select',
    action_id: HEALTH_SUBSCRIBE_ACCOUNT,
    placeholder: plainText('Notify me about an account…'),
    options: accounts.slice(0, SUBSCRIBE_MENU_ACCOUNTS).map(([id, account]) => ({
      // plain_text is never parsed for mentions; the strip keeps a hostile account name from reading like one.
      text: plainText(
        truncateText(accountPlain(id, account.name).replace(/[<>&]/g, ''), SLACK_LIMITS.optionText),
      ),
      value: id,
    })),
  };
}

/** The alert's subscribe elements: this account (or a menu of its accounts) and this service. */
export function subscribeElements(view: HealthEventView): ActionsBlockElement[] {
  return [
    subscribeAccountElement(view),
    { type: 'button', action_id: HEALTH_SUBSCRIBE_SERVICE, text: plainText('Notify me about this service') },
  ];
}
