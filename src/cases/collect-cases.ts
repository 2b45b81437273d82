import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { SupportClient } from '@aws-sdk/client-support';
import type { AccountDirectory, AccountRef } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { AccountConfig } from '../config/schema';
import { logger } from '../logging/logger';
import { mapConcurrent } from '../runtime/map-concurrent';
import { accountFailureReason } from './account-failure';
import type { CaseQuery } from './case-query';
import { type CaseRecord, isResolved } from './case-record';
import type { CasesConfig } from './config-schema';
import { describeAccountCases } from './describe-account-cases';
import { listTargetAccounts } from './list-target-accounts';

/** The AWS side of a case report; built once per Lambda container (or test) and passed in. */
export interface CollectDeps {
  cases: CasesConfig;
  configuredAccounts: readonly AccountConfig[];
  accounts: Pick<AccountDirectory, 'roleFor' | 'nameOf'>;
  credentials: Pick<CrossAccountCredentials, 'credentialsFor'>;
  /** A Support client (us-east-1) acting with one account's credentials. */
  supportWith: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>) => SupportClient;
  organizations: Pick<OrganizationsClient, 'send'>;
  now: () => Date;
}

export interface AccountFailure {
  account: AccountRef;
  reason: string;
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
 * Reads the support cases of every account at once (at most `concurrency` at a time). An account that fails
 * (role, plan, throttling) is listed with its reason and never stops the others.
 */
export async function collectCases(
  query: CaseQuery,
  deps: CollectDeps,
  targets: readonly AccountRef[],
  onProgress: ProgressListener = () => undefined,
): Promise<CaseCollection> {
  const startedAt = deps.now();
  const afterTime = new Date(startedAt.getTime() - query.windowHours * 3600_000);
  const failures: AccountFailure[] = [];
  let done = 0;
  const perAccount = await mapConcurrent(targets, deps.cases.concurrency, async (account) => {
    const role = deps.accounts.roleFor(account.id, 'cases');
    try {
      const support = deps.supportWith(deps.credentials.credentialsFor(account.id, role));
      return await describeAccountCases(support, account, {
        afterTime,
        includeResolvedCases: query.status !== 'open',
      });
    } catch (error) {
      const reason = accountFailureReason(error, { role, maxAttempts: deps.cases.maxAttempts });
      logger.warn('cannot read support cases of an account', { account: account.id, reason });
      failures.push({ account, reason });
      return [];
    } finally {
      done += 1;
      onProgress({ done, total: targets.length, failed: failures.length });
    }
  });
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
