import { type CaseDetails, type Communication, DescribeCasesCommand } from '@aws-sdk/client-support';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import { logger } from '../lambda/logger';
import { isWorthRetrying } from './account-failure';
import { describeCommunications } from './describe-communications';
import type { SupportCaseEvent } from './support-case-event';

export interface ReadCaseDeps {
  accounts: Pick<AccountDirectory, 'roleFor'>;
  clients: Pick<MemberClients, 'support'>;
}

export interface ReadCase {
  details?: CaseDetails;
  latest?: Communication;
  problem?: string;
}

/** The case and its newest communication; a case that cannot be read is still shown, with why. */
export async function readSupportCase(event: SupportCaseEvent, deps: ReadCaseDeps): Promise<ReadCase> {
  const roleName = deps.accounts.roleFor(event.account, 'cases');
  const support = deps.clients.support({ accountId: event.account, roleName });
  const caseId = event.detail['case-id'];
  try {
    const [cases, comms] = await Promise.all([
      support.send(new DescribeCasesCommand({ caseIdList: [caseId], includeResolvedCases: true })),
      event.detail['event-name'] === 'AddCommunicationToCase'
        ? describeCommunications(support, caseId, 1)
        : Promise.resolve(undefined),
    ]);
    const details = cases.cases?.[0];
    const latest = comms?.communications[0];
    return { ...(details ? { details } : {}), ...(latest ? { latest } : {}) };
  } catch (error) {
    // Throttled or AWS-side: Lambda retries the event; refused or missing: the message says so.
    if (isWorthRetrying(error)) throw error;
    const name = (error as { name?: string }).name ?? 'Error';
    logger.warn('support case not readable; shown with what the event says', { caseId, error });
    return { problem: `case not readable with role ${roleName} (${name})` };
  }
}
