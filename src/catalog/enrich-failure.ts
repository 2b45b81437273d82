import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { MemberClients } from '../aws/member-clients';
import { logger } from '../lambda/logger';
import { describeAwsError, type EnrichmentGap, readOrGap } from './enrichment-gaps';
import { readRootCause } from './read-root-cause';
import { readServiceCatalog, type ServiceCatalogFacts } from './read-service-catalog';
import type { RootCause } from './root-cause';
import { provisionedProductIdOf } from './stack-arn';
import type { StackNotification } from './stack-notification';

/** Everything known about one failure; `gaps` says what could not be read and why. */
export interface FailureReport {
  notification: StackNotification;
  accountName: string | undefined;
  /** Role assumed (or tried) in the member account; undefined for the bot's own account (its own credentials). */
  role: string | undefined;
  /** Set for stacks named `SC-<account>-pp-<id>`. */
  provisionedProductId: string | undefined;
  catalog: ServiceCatalogFacts | undefined;
  rootCause: RootCause | undefined;
  /** False when the stack events could not be read (role or DescribeStackEvents failed). */
  stackEventsRead: boolean;
  gaps: EnrichmentGap[];
}

export interface EnrichDeps {
  accounts: AccountDirectory;
  credentials: CrossAccountCredentials;
  /** Service Catalog and CloudFormation in the stack's account and region. */
  clients: Pick<MemberClients, 'serviceCatalog' | 'cloudFormation'>;
  /** The account the function runs in: its stacks are read with the function's own credentials. */
  ownAccountId?: string | undefined;
}

export const CATALOG_ROLE_PURPOSE = 'catalog';

/**
 * Reads, from the member account the stack lives in, what Service Catalog and CloudFormation know about the
 * failure. Never throws for AWS answers: a role that cannot be assumed or a call that fails becomes a gap.
 */
export async function enrichFailure(
  notification: StackNotification,
  deps: EnrichDeps,
): Promise<FailureReport> {
  const { accountId, region, stackId, stackName } = notification.stack;
  const gaps: EnrichmentGap[] = [];
  const own = accountId === deps.ownAccountId;
  const role = own ? undefined : deps.accounts.roleFor(accountId, CATALOG_ROLE_PURPOSE);
  const provisionedProductId = provisionedProductIdOf(stackName);
  const report: FailureReport = {
    notification,
    accountName: await deps.accounts.nameOf(accountId),
    role,
    provisionedProductId,
    catalog: undefined,
    rootCause: undefined,
    stackEventsRead: false,
    gaps,
  };
  if (!provisionedProductId) {
    gaps.push({
      what: 'Service Catalog details',
      why: `stack ${stackName} is not named SC-<account>-pp-<id>, so Service Catalog did not launch it`,
    });
  }
  const credentials = role === undefined ? undefined : deps.credentials.credentialsFor(accountId, role);
  // Assumed before any read (the clients share CrossAccountCredentials' cache): a denied role is one gap.
  try {
    await credentials?.();
  } catch (error) {
    logger.warn('cannot assume the catalog role; alerting with what the notification says', { role, error });
    gaps.push({ what: `anything from account ${accountId}`, why: describeAwsError(error) });
    return report;
  }
  const target = { accountId, roleName: role, region };
  const clients = {
    serviceCatalog: deps.clients.serviceCatalog(target),
    cloudFormation: deps.clients.cloudFormation(target),
  };
  const failedAt = parseTime(notification.timestamp);
  let stackEventsRead = false;
  const [catalog, rootCause] = await Promise.all([
    provisionedProductId ? readServiceCatalog(clients.serviceCatalog, provisionedProductId, gaps) : undefined,
    readOrGap(gaps, 'root cause (stack events)', async () => {
      const cause = await readRootCause(
        clients.cloudFormation,
        stackId,
        failedAt,
        notification.clientRequestToken,
      );
      stackEventsRead = true;
      return cause;
    }),
  ]);
  return { ...report, catalog, rootCause, stackEventsRead };
}

function parseTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
