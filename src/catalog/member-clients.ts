import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** The clients enrichment uses in one member account and region. */
export interface MemberClients {
  serviceCatalog: ServiceCatalogClient;
  cloudFormation: CloudFormationClient;
}

export type MemberClientsFor = (
  accountId: string,
  region: string,
  /** Undefined: the function's own credentials (a stack in the bot's own account). */
  credentials: AwsCredentialIdentityProvider | undefined,
) => MemberClients;

/** Throttled reads are retried this many times in all (SDK standard retry with back-off) before a gap is shown. */
const MAX_ATTEMPTS = 4;

/**
 * Clients per account and region, kept for the life of the Lambda container so connections are reused. The
 * credentials provider (from CrossAccountCredentials) refreshes itself; endpoints come from the SDK's settings.
 */
export function cachedMemberClients(): MemberClientsFor {
  const cache = new Map<string, MemberClients>();
  return (accountId, region, credentials) => {
    const key = `${accountId}/${region}`;
    let clients = cache.get(key);
    if (!clients) {
      const options = { region, maxAttempts: MAX_ATTEMPTS, ...(credentials ? { credentials } : {}) };
      clients = {
        serviceCatalog: new ServiceCatalogClient(options),
        cloudFormation: new CloudFormationClient(options),
      };
      cache.set(key, clients);
    }
    return clients;
  };
}
