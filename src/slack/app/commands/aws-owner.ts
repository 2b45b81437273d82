import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usageReply } from '../../../../blocks/help';
import { OWNER_DOC } from '../../../autotag/owner-command-doc';
import { parseOwnerArgs } from '../../../autotag/owner-job';
import type { JobOfKind } from '../../../jobs/job';
import { commandWords } from '../../api/command-words';
import type { SlackAppDeps } from '../deps';
import { ackBody, replyTargetOf, startJobAndAck } from '../slash-command';

/** `/aws-owner <ARN | instance id | bucket name>`: parsed here, the tag look-up runs in the worker. */
export function awsOwnerCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack }) => {
    const args = parseOwnerArgs(commandWords(command.text));
    if (!args.ok) {
      await ack(ackBody(usageReply(args.problem, OWNER_DOC)));
      return;
    }
    const job: JobOfKind<'autotag-owner'> = {
      kind: 'autotag-owner',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      target: args.target,
    };
    await startJobAndAck(job, ack, deps, 'Looking up who created it…', OWNER_DOC);
  };
}
