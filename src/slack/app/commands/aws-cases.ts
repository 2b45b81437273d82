import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usageReply } from '../../../../blocks/help';
import { coverageLabel } from '../../../cases/case-query';
import { CASES_DOC } from '../../../cases/command-doc';
import { parseCasesArgs } from '../../../cases/parse-cases-args';
import type { JobOfKind } from '../../../jobs/job';
import { toRespondArguments } from '../bolt-reply';
import type { SlackAppDeps } from '../deps';
import { replyTargetOf, startJobAndAck } from '../slash-command';

/** `/aws-cases`: parse, then hand the fan-out to the worker and ack with how many accounts it covers. */
export function awsCasesCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  const { cases } = deps.config;
  return async ({ command, ack }) => {
    const args = parseCasesArgs(command.text, {
      defaultWindow: cases.defaultWindow,
      maxWindowDays: cases.maxWindowDays,
      accounts: deps.accounts,
      now: new Date(),
    });
    if (!args.ok) {
      await ack(toRespondArguments(usageReply(args.problem, CASES_DOC)));
      return;
    }
    const job: JobOfKind<'cases'> = {
      kind: 'cases',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      query: args.query,
    };
    const scope = args.query.account
      ? `account ${args.query.account.name ?? args.query.account.id}`
      : cases.accountSource === 'organization'
        ? 'every account in the organization'
        : `${deps.config.accounts.length} accounts`;
    const working = args.query.coverage
      ? `Checking which of ${scope} the case report can read…`
      : `Collecting support cases (${coverageLabel(args.query)}) from ${scope}…`;
    await startJobAndAck(job, ack, deps, working, CASES_DOC);
  };
}
