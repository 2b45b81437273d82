import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createHealthRuntime } from '../src/health/health-runtime';

/**
 * EventBridge `aws.health` events (own account, or organisation-wide in the management / delegated-admin
 * account): one living Slack message per event and channel, every event upserted into Airtable.
 * Malformed events are quarantined and sent to the failure queue; transient failures throw (Lambda retries).
 */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const health = createHealthRuntime(env, config, {
  dynamodb: new DynamoDBClient({}),
  organizations: new OrganizationsClient({ region: 'us-east-1' }),
  sqs: new SQSClient({}),
});

export const handler = async (event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  await health.handle(event, context?.getRemainingTimeInMillis());
};
