import { DescribeCasesCommand } from '@aws-sdk/client-support';
import { caseDetailsModal, caseDetailsProblem } from '../../blocks/case-details';
import { supportCaseUrl } from '../../blocks/console-links';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import type { SlackViews } from '../slack/api/slack-views';
import type { CaseDetailsJob } from './case-details-job';
import { describeCommunications } from './describe-communications';

export interface CaseDetailsDeps {
  config: Pick<AppConfig, 'organization'>;
  accounts: Pick<AccountDirectory, 'roleFor' | 'nameOf'>;
  clients: Pick<MemberClients, 'support'>;
  /** The case report's clients (one attempt per AssumeRole); default `clients`. */
  casesClients?: Pick<MemberClients, 'support'> | undefined;
  views: SlackViews;
}

/** The case could not be read: said in the modal, in words a person can act on. */
class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
}

/**
 * views.update's answer when the modal is gone (the person closed it before the worker finished): `not_found`
 * (Slack's views.update errors), as @slack/web-api throws it in `data.error`.
 */
function isModalClosed(error: unknown): boolean {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code === 'not_found' || code === 'view_not_found';
}

/**
 * A Details click: reads the case and all its communications (DescribeCommunications, paginated) with the cases
 * role in its account, then fills the modal the listener opened. Anything that goes wrong is said in the modal.
 */
export async function runCaseDetails(job: CaseDetailsJob, deps: CaseDetailsDeps): Promise<undefined> {
  try {
    const roleName = deps.accounts.roleFor(job.accountId, 'cases');
    const support = (deps.casesClients ?? deps.clients).support({ accountId: job.accountId, roleName });
    const [cases, comms, accountName] = await Promise.all([
      support.send(
        new DescribeCasesCommand({
          caseIdList: [job.caseId],
          includeResolvedCases: true,
          includeCommunications: false,
        }),
      ),
      describeCommunications(support, job.caseId),
      deps.accounts.nameOf(job.accountId),
    ]);
    const found = cases.cases?.[0];
    if (!found) throw new CaseNotFoundError(`Support has no case ${job.caseId} in account ${job.accountId}.`);
    const displayId = found.displayId ?? job.caseId;
    await deps.views.update(
      job.viewId,
      caseDetailsModal({
        displayId,
        subject: found.subject ?? '',
        severity: found.severityCode ?? 'unknown',
        status: found.status ?? 'unknown',
        account: accountName ? `${accountName} (${job.accountId})` : job.accountId,
        submittedBy: found.submittedBy ?? '',
        createdAt: found.timeCreated ?? '',
        consoleUrl: supportCaseUrl(deps.config.organization.partition, displayId),
        communications: comms.communications.map((c) => ({
          submittedBy: c.submittedBy ?? '',
          timeCreated: c.timeCreated ?? '',
          body: c.body ?? '',
          attachments: c.attachmentSet?.length ?? 0,
        })),
        complete: comms.complete,
      }),
    );
  } catch (error) {
    if (isModalClosed(error)) return modalClosed(job);
    logger.warn('case details not shown', { error, account: job.accountId, caseId: job.caseId });
    const name = (error as { name?: string }).name ?? 'Error';
    await deps.views
      .update(
        job.viewId,
        caseDetailsProblem(`Could not read the case (${name}): ${(error as Error).message}`),
      )
      .catch((cause: unknown) => {
        if (!isModalClosed(cause)) throw cause;
        modalClosed(job);
      });
  }
  return undefined;
}

/** Nobody is waiting for the modal any more: done, not a failure to retry. */
function modalClosed(job: CaseDetailsJob): undefined {
  logger.info('case details modal closed before it was filled', { viewId: job.viewId, caseId: job.caseId });
  return undefined;
}
