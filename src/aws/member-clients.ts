import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SupportClient } from '@aws-sdk/client-support';
import type { CrossAccountCredentials } from './assume-role';

/**
 * Where a client acts: an account through a role, in a region. No role: the function's own credentials (a
 * resource in the bot's own account). No region: the function's own (AWS_REGION).
 */
export interface ClientTarget {
  accountId: string;
  roleName?: string | undefined;
  region?: string | undefined;
}

/** The one way features get an AWS client for an account: cached per (account, role, region), quirks kept. */
export interface MemberClients {
  ec2(target: ClientTarget): EC2Client;
  /** The Resource Groups Tagging API: tags (and reads tags of) most services' resources by ARN. */
  taggingApi(target: ClientTarget): ResourceGroupsTaggingAPIClient;
  cloudTrail(target: ClientTarget): CloudTrailClient;
  identityStore(target: ClientTarget): IdentitystoreClient;
  /** Follows a bucket's region redirect (a bucket named in the wrong region still answers). */
  s3(target: ClientTarget): S3Client;
  sts(target: ClientTarget): STSClient;
  /** Throttled reads retried (SDK standard retry, 4 attempts in all) before the alert shows a gap. */
  serviceCatalog(target: ClientTarget): ServiceCatalogClient;
  cloudFormation(target: ClientTarget): CloudFormationClient;
  /** The partition's Support endpoint whatever the target's region; each call made once (see below). */
  support(target: ClientTarget): SupportClient;
}

/** What a maker gets: the member account's credentials (none: the function's own) and the target's region. */
export interface ClientBase {
  credentials?: ReturnType<CrossAccountCredentials['credentialsFor']>;
  region?: string;
}

/**
 * How to build one service's client, with that service's quirks (src/aws/clients/). Each lives in its own file
 * so a function's bundle holds only the SDK clients it uses: the function wiring passes the makers it needs.
 */
export interface ClientMaker<C> {
  make: (base: ClientBase) => C;
  /** One endpoint whatever the region (Support): clients are not kept per region. */
  regionless?: boolean;
}

export type ClientMakers = { [K in keyof MemberClients]?: ClientMaker<ReturnType<MemberClients[K]>> };

/**
 * Clients kept for the life of the Lambda container so connections are reused, one per service, account, role and
 * region. Credentials come from `credentials` (the shared assume-role cache; its providers refresh themselves);
 * endpoints from the SDK's own settings (AWS_ENDPOINT_URL_<SERVICE>), never from code.
 */
export function memberClients<M extends ClientMakers>(
  credentials: CrossAccountCredentials,
  makers: M,
): Pick<MemberClients, keyof M & keyof MemberClients> {
  const cache = new Map<string, unknown>();
  const factory: Partial<Record<keyof MemberClients, (target: ClientTarget) => unknown>> = {};
  for (const [service, maker] of Object.entries(makers) as [keyof MemberClients, ClientMaker<unknown>][]) {
    factory[service] = (target) => {
      const region = maker.regionless ? undefined : target.region;
      const key = `${service}/${target.accountId}/${target.roleName ?? ''}/${region ?? ''}`;
      let client = cache.get(key);
      if (!client) {
        client = maker.make({
          ...(target.roleName
            ? { credentials: credentials.credentialsFor(target.accountId, target.roleName) }
            : {}),
          ...(region ? { region } : {}),
        });
        cache.set(key, client);
      }
      return client;
    };
  }
  return factory as Pick<MemberClients, keyof M & keyof MemberClients>;
}
