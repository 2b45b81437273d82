import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import type { AppConfig } from '../config/schema';
import type { ReplyTarget } from '../slack/api/reply-target';
import { coverageLabel } from './case-query';
import type { CasesJob } from './cases-job';
import { CASES_DOC } from './command-doc';
import { parseCasesArgs } from './parse-cases-args';

/** What the `/aws-cases` listener does with a request: answer at once (usage), or start the report's job. */
export type CasesCommandPlan =
  | { type: 'reply'; reply: SlackReply }
  | { type: 'job'; job: CasesJob; working: string };

export interface CasesCommandInput {
  text: string;
  /** Unique per Slack request: the job's idempotency key. */
  triggerId: string;
  reply: ReplyTarget;
}

/** `/aws-cases [window | since=] [filters] [coverage]`: the query parsed, and a working line that says how many accounts it covers. */
export function planCasesCommand(
  input: CasesCommandInput,
  deps: { config: Pick<AppConfig, 'cases' | 'accounts'>; accounts: Pick<AccountDirectory, 'tryResolve'> },
): CasesCommandPlan {
  const { cases } = deps.config;
  const args = parseCasesArgs(input.text, {
    defaultWindow: cases.defaultWindow,
    maxWindowDays: cases.maxWindowDays,
    accounts: deps.accounts,
    now: new Date(),
  });
  if (!args.ok) return { type: 'reply', reply: usageReply(args.problem, CASES_DOC) };
  const { query } = args;
  const scope = query.account
    ? `account ${query.account.name ?? query.account.id}`
    : cases.accountSource === 'organization'
      ? 'every account in the organization'
      : `${deps.config.accounts.length} accounts`;
  return {
    type: 'job',
    job: { kind: 'cases', id: input.triggerId, reply: input.reply, query },
    working: query.coverage
      ? `Checking which of ${scope} the case report can read…`
      : `Collecting support cases (${coverageLabel(query)}) from ${scope}…`,
  };
}
