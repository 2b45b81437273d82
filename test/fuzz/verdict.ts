import { USERS } from './command-inputs';
import type { FindingKind } from './tally';

/** Accounts of the fuzz config: AssumeRole anywhere else is a way into someone else's AWS. */
const CONFIGURED_ACCOUNTS = new Set(['111111111111', '222222222222', '333333333333']);
const MAY_CHANGE_BUCKETS = new Set<string>([USERS.maker, USERS.admin]);
const MAY_RETAG = new Set<string>([USERS.admin, USERS.finops, USERS.alice]);

export type Problems = Partial<Record<FindingKind, string[]>>;

/** AWS calls a person made happen that they may not: mutations outside their allow-list, foreign roles, leaks. */
export function unauthorisedProblems(
  userId: string,
  seen: { mutations: string[]; assumedRoles: string[]; leaks: string[] },
): string[] {
  const mutations = seen.mutations.filter((call) =>
    call.startsWith('CreateTagsCommand') ? !MAY_RETAG.has(userId) : !MAY_CHANGE_BUCKETS.has(userId),
  );
  const roles = seen.assumedRoles.filter((arn) => !CONFIGURED_ACCOUNTS.has(arn.split(':')[4] ?? ''));
  return [
    ...mutations.map((call) => `${userId} caused ${call}`),
    ...roles.map((arn) => `AssumeRole into an account outside the organisation: ${arn}`),
    ...seen.leaks.map((leak) => `request sent off Slack's hosts: ${leak}`),
  ];
}
