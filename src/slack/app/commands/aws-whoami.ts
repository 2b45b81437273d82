import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usageReply } from '../../../../blocks/help';
import type { JobOfKind } from '../../../jobs/job';
import { WHOAMI_DOC } from '../../../whoami/command-doc';
import { parseWhoamiArgs } from '../../../whoami/parse-whoami-args';
import { toRespondArguments } from '../bolt-reply';
import type { SlackAppDeps } from '../deps';
import { replyTargetOf, startJobAndAck } from '../slash-command';

/** `/aws-whoami [account]`: parsed here, the identity look-up runs in the worker. */
export function awsWhoamiCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack }) => {
    const args = parseWhoamiArgs(command.text, deps.accounts);
    if (!args.ok) {
      await ack(toRespondArguments(usageReply(args.problem, WHOAMI_DOC)));
      return;
    }
    const job: JobOfKind<'whoami'> = {
      kind: 'whoami',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      ...(args.account ? { account: args.account } : {}),
    };
    const where = args.account ? `in ${args.account.name ?? args.account.id}` : 'for the bot itself';
    await startJobAndAck(job, ack, deps, `Looking up the AWS identity ${where}…`, WHOAMI_DOC);
  };
}
