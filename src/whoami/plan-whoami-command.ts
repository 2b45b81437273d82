import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import type { ReplyTarget } from '../slack/api/reply-target';
import { WHOAMI_DOC } from './command-doc';
import { parseWhoamiArgs } from './parse-whoami-args';
import type { WhoamiJob } from './whoami-job';

/** What the `/aws-whoami` listener does with a request: answer at once (usage), or start the lookup's job. */
export type WhoamiCommandPlan =
  | { type: 'reply'; reply: SlackReply }
  | { type: 'job'; job: WhoamiJob; working: string };

/** `/aws-whoami [account]`: the bot itself, or one account by id or configured name. */
export function planWhoamiCommand(
  input: { text: string; triggerId: string; reply: ReplyTarget },
  accounts: AccountDirectory,
): WhoamiCommandPlan {
  const args = parseWhoamiArgs(input.text, accounts);
  if (!args.ok) return { type: 'reply', reply: usageReply(args.problem, WHOAMI_DOC) };
  const where = args.account ? `in ${args.account.name ?? args.account.id}` : 'for the bot itself';
  return {
    type: 'job',
    job: {
      kind: 'whoami',
      id: input.triggerId,
      reply: input.reply,
      ...(args.account ? { account: args.account } : {}),
    },
    working: `Looking up the AWS identity ${where}…`,
  };
}
