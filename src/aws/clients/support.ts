import { SupportClient, type SupportClientConfig } from '@aws-sdk/client-support';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Partition } from '../../config/partition';
import type { ClientMaker } from '../member-clients';

/** The Support API has one endpoint per partition. */
const SUPPORT_REGION: Record<Partition, string> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
};

export interface SupportClientsOptions {
  partition: Partition;
  /** How many accounts a case report reads at once: the size of the Support connection pool. */
  supportConcurrency: number;
}

/** Support clients: the partition's endpoint whatever the target's region, each call made once (see below). */
export function supportClients(options: SupportClientsOptions): ClientMaker<SupportClient> {
  let shared: SupportClientConfig | undefined;
  return {
    regionless: true,
    make: (base) => {
      shared ??= supportBaseConfig(options);
      return new SupportClient({ ...shared, ...(base.credentials ? { credentials: base.credentials } : {}) });
    },
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
function supportBaseConfig(options: SupportClientsOptions): SupportClientConfig {
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
