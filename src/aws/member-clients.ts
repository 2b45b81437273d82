import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { STSClient } from '@aws-sdk/client-sts';
import { SupportClient, type SupportClientConfig } from '@aws-sdk/client-support';
import { NodeHttpHandler } from '@smithy/node-http-handler';
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
  /** Follows a bucket's region redirect (a bucket named in the wrong region still answers). */
  s3(target: ClientTarget): S3Client;
  sts(target: ClientTarget): STSClient;
  /** Throttled reads retried (SDK standard retry, 4 attempts in all) before the alert shows a gap. */
  serviceCatalog(target: ClientTarget): ServiceCatalogClient;
  cloudFormation(target: ClientTarget): CloudFormationClient;
  /** The partition's Support endpoint whatever the target's region; each call made once (see below). */
  support(target: ClientTarget): SupportClient;
}

/** The Support API has one endpoint per partition. */
const SUPPORT_REGION = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' } as const;
export type Partition = keyof typeof SUPPORT_REGION;

/** Service Catalog and CloudFormation reads: attempts in all before a gap is shown. */
const ENRICH_MAX_ATTEMPTS = 4;

export interface MemberClientsOptions {
  partition: Partition;
  /** How many accounts a case report reads at once: the size of the Support connection pool. */
  supportConcurrency: number;
}

/**
 * Clients kept for the life of the Lambda container so connections are reused. Credentials come from
 * `credentials` (the shared assume-role cache; its providers refresh themselves); endpoints from the SDK's own
 * settings (AWS_ENDPOINT_URL_<SERVICE>), never from code.
 */
export function memberClients(
  credentials: CrossAccountCredentials,
  options: MemberClientsOptions,
): MemberClients {
  const cache = new Map<string, unknown>();
  const supportBase = lazy(() => supportBaseConfig(options));

  function cached<T>(
    service: string,
    target: ClientTarget,
    make: (base: { credentials?: ReturnType<CrossAccountCredentials['credentialsFor']> }) => T,
  ): T {
    const key = `${service}/${target.accountId}/${target.roleName ?? ''}/${target.region ?? ''}`;
    let client = cache.get(key) as T | undefined;
    if (!client) {
      client = make(
        target.roleName ? { credentials: credentials.credentialsFor(target.accountId, target.roleName) } : {},
      );
      cache.set(key, client);
    }
    return client;
  }
  const regionOf = (target: ClientTarget) => (target.region ? { region: target.region } : {});

  return {
    ec2: (target) => cached('ec2', target, (base) => new EC2Client({ ...base, ...regionOf(target) })),
    s3: (target) =>
      cached(
        's3',
        target,
        (base) => new S3Client({ ...base, ...regionOf(target), followRegionRedirects: true }),
      ),
    sts: (target) => cached('sts', target, (base) => new STSClient({ ...base, ...regionOf(target) })),
    serviceCatalog: (target) =>
      cached(
        'servicecatalog',
        target,
        (base) =>
          new ServiceCatalogClient({ ...base, ...regionOf(target), maxAttempts: ENRICH_MAX_ATTEMPTS }),
      ),
    cloudFormation: (target) =>
      cached(
        'cloudformation',
        target,
        (base) =>
          new CloudFormationClient({ ...base, ...regionOf(target), maxAttempts: ENRICH_MAX_ATTEMPTS }),
      ),
    support: (target) =>
      cached(
        'support',
        { ...target, region: undefined },
        (base) => new SupportClient({ ...supportBase(), ...base }),
      ),
  };
}

/**
 * What every Support client shares. One HTTP handler, so hundreds of accounts reuse a pool of keep-alive
 * connections to the one Support endpoint, and the settings a client reads from the environment and
 * ~/.aws/config (FIPS, dual-stack, retry mode, …), resolved once by a first client instead of once per account.
 * Each call is made once (`maxAttempts: 1`): an SDK retry would back off while holding the account's slot in the
 * case fan-out, so `collectCases` schedules the retry of a throttled (or failed) call itself and gives the slot
 * to the next account.
 */
function supportBaseConfig(options: MemberClientsOptions): SupportClientConfig {
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    httpsAgent: { keepAlive: true, maxSockets: options.supportConcurrency },
    httpAgent: { keepAlive: true, maxSockets: options.supportConcurrency },
  });
  const common = { region: SUPPORT_REGION[options.partition], maxAttempts: 1, requestHandler };
  const { config } = new SupportClient(common);
  return {
    ...common,
    useFipsEndpoint: config.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint,
    retryMode: config.retryMode,
    userAgentAppId: config.userAgentAppId,
    authSchemePreference: config.authSchemePreference,
    defaultsMode: config.defaultsMode,
  };
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
