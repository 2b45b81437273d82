import type { SlackReply } from './message';
import { mrkdwnText, plainText } from './message';
import { escapeAndTruncate, inlineCodeWithin } from './truncate';

export interface IdentityView {
  accountId: string;
  accountName?: string;
  arn: string;
  userId: string;
  /** The role assumed to get here; absent for the bot's own identity. */
  viaRole?: string;
}

/** Room for a field's value under its label, inside Slack's 2000-character field limit. */
const FIELD_VALUE_MAX = 1900;

/** `/aws-whoami`: the identity the bot acts as, in its own account or through the configured role. */
export function whoamiReply(identity: IdentityView): SlackReply {
  const account = identity.accountName
    ? `${escapeAndTruncate(identity.accountName, 200)} (${escapeAndTruncate(identity.accountId, 40)})`
    : escapeAndTruncate(identity.accountId, 40);
  const where = identity.viaRole ? 'in the member account' : 'its own role';
  const fields = [
    mrkdwnText(`*Account*\n${account}`),
    mrkdwnText(`*ARN*\n${inlineCodeWithin(identity.arn, FIELD_VALUE_MAX)}`),
    mrkdwnText(`*User id*\n${inlineCodeWithin(identity.userId, FIELD_VALUE_MAX)}`),
    ...(identity.viaRole
      ? [mrkdwnText(`*Assumed role*\n${inlineCodeWithin(identity.viaRole, FIELD_VALUE_MAX)}`)]
      : []),
  ];
  return {
    responseType: 'ephemeral',
    text: escapeAndTruncate(`The bot acts as ${identity.arn} in account ${identity.accountId}`, 3000),
    blocks: [
      { type: 'header', text: plainText(`Who the bot is: ${where}`) },
      { type: 'section', fields },
    ],
  };
}
