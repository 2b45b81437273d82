import type { KnownBlock, ModalView } from '@slack/types';
import type { SubscriptionTarget } from '../src/store/subscriptions';
import { mrkdwnText, plainText } from './message';
import { SLACK_LIMITS } from './slack-limits';
import { escapeAndTruncate, truncateText } from './truncate';

/** "Remove" next to a subscription in the Home tab; its value is the subscription's id (the person's own). */
export const HOME_SUBSCRIPTION_REMOVE = 'home_subscription_remove';
/** "Add subscription…" in the Home tab: opens the modal below. */
export const HOME_SUBSCRIPTION_ADD = 'home_subscription_add';
export const HOME_SUBSCRIPTION_VIEW = 'home_subscription_modal';
export const SUBSCRIPTION_ACCOUNT_BLOCK = 'subscription_account';
export const SUBSCRIPTION_SERVICE_BLOCK = 'subscription_service';
export const SUBSCRIPTION_CATEGORY_BLOCK = 'subscription_category';
export const SUBSCRIPTION_EVENT_TYPE_BLOCK = 'subscription_event_type';

/** A subscription as the Home tab and replies show it; the account's name when the bot knows it. */
export interface SubscriptionLine {
  id: string;
  target: SubscriptionTarget;
  accountName?: string;
}

/** `every EC2 event in prod-payments`, `event types AWS_VPN_* in every account` (plain: callers escape). */
export function subscriptionPlain(target: SubscriptionTarget, accountName?: string): string {
  const where = target.accountId ? `in ${accountName ?? target.accountId}` : 'in every account';
  switch (target.kind) {
    case 'account':
      return `everything ${where}`;
    case 'service':
      return `every ${target.service} event ${where}`;
    case 'category':
      return `every ${target.category} event ${where}`;
    case 'eventType':
      return `event types ${target.pattern} ${where}`;
  }
}

/** Shown in the Home tab by default; the rest are counted (they are all in `/aws-health subscriptions`). */
const SHOWN = 10;

/** "Your subscriptions": each with Remove, then "Add subscription…". At most `maxShown` + 3 blocks. */
export function homeSubscriptionsSection(
  subscriptions: readonly SubscriptionLine[],
  maxShown = SHOWN,
): KnownBlock[] {
  const shown = subscriptions.slice(0, maxShown);
  const hidden = subscriptions.length - shown.length;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        subscriptions.length === 0
          ? '*Your subscriptions*\nNone yet: Health alerts (and catalog failures of an account) you subscribe to come to you here, as a direct message kept up to date.'
          : '*Your subscriptions*: matching Health alerts come to you as a direct message (a mute still silences them).',
      ),
    },
    ...shown.map(
      (line): KnownBlock => ({
        type: 'section',
        text: mrkdwnText(`• ${escapeAndTruncate(subscriptionPlain(line.target, line.accountName), 500)}`),
        accessory: {
          type: 'button',
          action_id: HOME_SUBSCRIPTION_REMOVE,
          text: plainText('Remove'),
          value: truncateText(line.id, SLACK_LIMITS.buttonValue),
        },
      }),
    ),
  ];
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`…and ${hidden} more: \`/aws-health subscriptions\` lists them all.`)],
    });
  }
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', action_id: HOME_SUBSCRIPTION_ADD, text: plainText('Add subscription…') }],
  });
  return blocks;
}

const textInput = (block_id: string, label: string, placeholder: string, hint: string): KnownBlock => ({
  type: 'input',
  block_id,
  optional: true,
  label: plainText(label),
  hint: plainText(hint),
  element: { type: 'plain_text_input', action_id: 'value', placeholder: plainText(placeholder) },
});

/** Add subscription…: an account, and/or one of service, category (one of `categories`) or event-type glob. */
export function subscriptionModal(categories: readonly string[]): ModalView {
  return {
    type: 'modal',
    callback_id: HOME_SUBSCRIPTION_VIEW,
    title: plainText('Add subscription'),
    submit: plainText('Subscribe'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          'Fill in an account alone (everything in it), or one of service, category or event type — in every account, or in the account you name.',
        ),
      },
      textInput(
        SUBSCRIPTION_ACCOUNT_BLOCK,
        'Account',
        'prod-payments or 222222222222',
        'A name or 12-digit id.',
      ),
      textInput(SUBSCRIPTION_SERVICE_BLOCK, 'Service', 'EC2', 'As Health names it: EC2, RDS, VPN…'),
      {
        type: 'input',
        block_id: SUBSCRIPTION_CATEGORY_BLOCK,
        optional: true,
        label: plainText('Category'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: categories.map((c) => ({ text: plainText(c), value: c })),
        },
      },
      textInput(
        SUBSCRIPTION_EVENT_TYPE_BLOCK,
        'Event type',
        'AWS_EC2_*',
        '* matches any run of characters, ? one.',
      ),
    ],
  };
}
