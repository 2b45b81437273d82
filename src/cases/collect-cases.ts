import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { SupportClient } from '@aws-sdk/client-support';
import type { AccountDirectory, AccountRef } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { AccountConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import { accountFailureReason, isWorthRetrying } from './account-failure';
import { type CaseQuery, readFrom } from './case-query';
import { type CaseRecord, isResolved } from './case-record';
import type { CasesConfig } from './config-schema';
import { describeAccountCases, firstCasePage } from './describe-account-cases';
import type { FailureCause } from './failure-cause';
import { fanOutWithRetries, fullJitterBackoff } from './fan-out-with-retries';
import { listTargetAccounts } from './list-target-accounts';

/** The AWS side of a case report; built once per Lambda container (or test) and passed in. */
export interface CollectDeps {
  cases: CasesConfig;
  configuredAccounts: readonly AccountConfig[];
  accounts: Pick<AccountDirectory, 'roleFor' | 'nameOf'>;
  /** Support (the partition's endpoint) acting through one account's role, each call made once. */
  clients: Pick<MemberClients, 'support'>;
  organizations: Pick<OrganizationsClient, 'send'>;
  now: () => Date;
}

/**
 * A throttled account waits outside the pool (its slot goes to the next account), so the wait costs the report
 * nothing while other accounts remain; it is kept short so the last accounts do not stretch the run
 * (the default 5 attempts wait at most 0.1 + 0.2 + 0.4 + 0.8 s in all).
 */
const RETRY_BACKOFF = fullJitterBackoff({ baseMs: 100, maxMs: 2000 });

export interface AccountFailure {
  account: AccountRef;
  /** The same for every account that failed the same way (the report groups by it). */
  reason: string;
  /** AWS's own error, for the failures CSV. */
  detail: string;
  /** The kind of failure, which decides the fix the report gives. */
  cause: FailureCause;
  /** The cases role that was assumed (the fix names it). */
  role: string;
}

export interface CaseCollection {
  query: CaseQuery;
  afterTime: Date;
  accountsTotal: number;
  failures: AccountFailure[];
  /** Every case in the window that passes the filters, each once. */
  cases: CaseRecord[];
  startedAt: Date;
  finishedAt: Date;
}

export type ProgressListener = (progress: { done: number; total: number; failed: number }) => void;

/** The accounts a query covers: the one it names, or every target account. */
export async function accountsFor(query: CaseQuery, deps: CollectDeps): Promise<AccountRef[]> {
  if (query.account) {
    return [
      { id: query.account.id, name: query.account.name ?? (await deps.accounts.nameOf(query.account.id)) },
    ];
  }
  return listTargetAccounts(deps.cases.accountSource, deps.configuredAccounts, deps.organizations);
}

/**
 * Reads the support cases of every account at once (at most `concurrency` at a time). A throttled call (or a
 * server error, timeout, dropped connection) is made again after a back-off without holding a slot meanwhile, up
 * to `maxAttempts` attempts. An account that fails
 * (role, plan, throttling) is listed with its reason and never stops the others.
 */
export async function collectCases(
  query: CaseQuery,
  deps: CollectDeps,
  targets: readonly AccountRef[],
  onProgress: ProgressListener = () => undefined,
): Promise<CaseCollection> {
  const startedAt = deps.now();
  const afterTime = readFrom(query, startedAt);
  const failures: AccountFailure[] = [];
  let done = 0;
  const { concurrency, maxAttempts } = deps.cases;
  const reads = targets.map((account) => ({
    account,
    role: deps.accounts.roleFor(account.id, 'cases'),
    support: undefined as SupportClient | undefined,
    pages: firstCasePage(),
  }));
  const policy = { concurrency, maxAttempts, isRetryable: isWorthRetrying, backoffMs: RETRY_BACKOFF };
  const outcomes = await fanOutWithRetries(
    reads,
    policy,
    (read) => {
      // Taken on the first attempt, kept for the retries (its credentials stay cached).
      read.support ??= deps.clients.support({ accountId: read.account.id, roleName: read.role });
      const options = { afterTime, includeResolvedCases: query.status !== 'open' };
      return describeAccountCases(read.support, read.account, options, read.pages);
    },
    (outcome, read) => {
      if (!outcome.ok) {
        const why = accountFailureReason(outcome.error, { role: read.role, maxAttempts });
        logger.warn('cannot read support cases of an account', { account: read.account.id, ...why });
        failures.push({ account: read.account, ...why, role: read.role });
      }
      done += 1;
      onProgress({ done, total: targets.length, failed: failures.length });
    },
  );
  const perAccount = outcomes.map((outcome) => (outcome.ok ? outcome.value : []));
  return {
    query,
    afterTime,
    accountsTotal: targets.length,
    failures: failures.sort((a, b) => a.account.id.localeCompare(b.account.id)),
    cases: matching(uniqueCases(perAccount.flat()), query),
    startedAt,
    finishedAt: deps.now(),
  };
}

function uniqueCases(cases: readonly CaseRecord[]): CaseRecord[] {
  const byId = new Map<string, CaseRecord>();
  for (const record of cases) {
    const key = `${record.accountId}#${record.caseId || record.displayId}`;
    if (!byId.has(key)) byId.set(key, record);
  }
  return [...byId.values()];
}

function matching(cases: readonly CaseRecord[], query: CaseQuery): CaseRecord[] {
  return cases.filter(
    (record) =>
      (query.status === 'all' || (query.status === 'resolved') === isResolved(record)) &&
      (!query.severity || record.severity === query.severity) &&
      (!query.service || record.service === query.service),
  );
}
