import { SupportClient } from '@aws-sdk/client-support';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** The Support API has one endpoint per partition. */
const SUPPORT_REGION = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1', 'aws-cn': 'cn-north-1' } as const;

/**
 * Support clients acting with member-account credentials. Throttling is retried by the SDK's standard strategy
 * (exponential back-off with jitter) up to `maxAttempts` attempts per call.
 */
export function supportClients(
  partition: keyof typeof SUPPORT_REGION,
  maxAttempts: number,
): (credentials: AwsCredentialIdentityProvider) => SupportClient {
  return (credentials) => new SupportClient({ region: SUPPORT_REGION[partition], credentials, maxAttempts });
}
