import type { AppConfig } from '../config/schema';
import type { Respond } from '../slack/api/response-url';
import type { SlackSink } from '../slack/api/slack-sink';
import type { NativeBlocksMemory } from './native-blocks';
import type { CaseReportDeps } from './prepare-report';

export interface CasesJobDeps extends Omit<CaseReportDeps, 'cases' | 'configuredAccounts'> {
  config: Pick<AppConfig, 'accounts' | 'cases'>;
  /** Clients whose AssumeRole is made once per attempt (the fan-out retries it outside the slot); default `clients`. */
  casesClients?: CaseReportDeps['clients'] | undefined;
  sink: SlackSink;
  respond: Respond;
  /** Workspaces that refused the native chart and table; absent: none remembered. */
  nativeBlocks?: NativeBlocksMemory;
}

export function caseReportDeps(deps: CasesJobDeps): CaseReportDeps {
  return {
    cases: deps.config.cases,
    configuredAccounts: deps.config.accounts,
    accounts: deps.accounts,
    clients: deps.casesClients ?? deps.clients,
    organizations: deps.organizations,
    now: deps.now,
    loadChartRenderer: deps.loadChartRenderer,
  };
}
