import type { SlackReply } from './message';
import { mrkdwnText, plainText } from './message';
import { escapeMrkdwn, inlineCode } from './mrkdwn';

export interface IdentityView {
  accountId: string;
  accountName?: string;
  arn: string;
  userId: string;
  /** The role assumed to get here; absent for the bot's own identity. */
  viaRole?: string;
}

/** `/aws-whoami`: the identity the bot acts as, in its own account or through the configured role. */
export function whoamiReply(identity: IdentityView): SlackReply {
  const account = identity.accountName
    ? `${escapeMrkdwn(identity.accountName)} (${identity.accountId})`
    : identity.accountId;
  const where = identity.viaRole ? 'in the member account' : 'its own role';
  const fields = [
    mrkdwnText(`*Account*\n${account}`),
    mrkdwnText(`*ARN*\n${inlineCode(identity.arn)}`),
    mrkdwnText(`*User id*\n${inlineCode(identity.userId)}`),
    ...(identity.viaRole ? [mrkdwnText(`*Assumed role*\n${inlineCode(identity.viaRole)}`)] : []),
  ];
  return {
    responseType: 'ephemeral',
    text: `The bot acts as ${identity.arn} in account ${identity.accountId}`,
    blocks: [
      { type: 'header', text: plainText(`Who the bot is: ${where}`) },
      { type: 'section', fields },
    ],
  };
}
