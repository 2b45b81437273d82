import { SupportClient } from '@aws-sdk/client-support';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** The Support API has one endpoint per partition. */
const SUPPORT_REGION = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' } as const;

/**
 * Support clients acting with member-account credentials (one client per account, since credentials belong to
 * the client). They share one HTTP handler, so hundreds of accounts reuse a pool of keep-alive connections to the
 * one Support endpoint, and the settings a client reads from the environment and ~/.aws/config (FIPS, dual-stack,
 * retry mode, …), resolved once by a first client instead of once per account. Each call is made once
 * (`maxAttempts: 1`): an SDK retry would back off while holding the account's slot in the fan-out, so
 * `collectCases` schedules the retry of a throttled (or failed) call itself and gives the slot to the next account.
 */
export function supportClients(
  partition: keyof typeof SUPPORT_REGION,
  options: { concurrency: number },
): (credentials: AwsCredentialIdentityProvider) => SupportClient {
  const requestHandler = new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    httpsAgent: { keepAlive: true, maxSockets: options.concurrency },
    httpAgent: { keepAlive: true, maxSockets: options.concurrency },
  });
  const common = { region: SUPPORT_REGION[partition], maxAttempts: 1, requestHandler };
  const { config } = new SupportClient(common);
  const resolvedOnce = {
    useFipsEndpoint: config.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint,
    retryMode: config.retryMode,
    userAgentAppId: config.userAgentAppId,
    authSchemePreference: config.authSchemePreference,
    defaultsMode: config.defaultsMode,
  };
  return (credentials) => new SupportClient({ ...common, ...resolvedOnce, credentials });
}
