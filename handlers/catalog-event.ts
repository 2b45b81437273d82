import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { AccountDirectory } from '../src/aws/account-directory';
import { CrossAccountCredentials } from '../src/aws/assume-role';
import { organizationAccountNames } from '../src/aws/organization-account-names';
import { compileRoutes } from '../src/catalog/alert-routing';
import { withCatalogRoleDefault } from '../src/catalog/catalog-role';
import { handleCatalogEvent } from '../src/catalog/handle-catalog-event';
import { cachedMemberClients } from '../src/catalog/member-clients';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { readSecret } from '../src/config/secrets';
import { once } from '../src/runtime/once';
import { createSlackSink } from '../src/slack/slack-sink';
import { StateStore } from '../src/store/state-store';
import { documentClient } from '../src/store/state-table';

/** Service Catalog failures: SNS CloudFormation notifications and EventBridge stack status changes. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const accounts = new AccountDirectory(
  withCatalogRoleDefault(config),
  organizationAccountNames(new OrganizationsClient({ region: 'us-east-1' })),
);
const deps = {
  config: config.catalog,
  routes: compileRoutes(config.catalog.routes, accounts),
  fallback: { channel: config.catalog.channel ?? config.slack.defaultChannel },
  accounts,
  credentials: new CrossAccountCredentials({
    sts: new STSClient({}),
    partition: config.organization.partition,
    externalId: config.organization.externalId,
    sessionName: 'aws-chatops-catalog',
  }),
  memberClients: cachedMemberClients(),
  store: new StateStore(documentClient(new DynamoDBClient({})), env.STATE_TABLE),
  sink: once(async () => createSlackSink(await readSecret(env, 'SLACK_BOT_TOKEN'), env.SLACK_API_URL)),
};

export const handler = async (event: unknown): Promise<void> => {
  await handleCatalogEvent(event, deps);
};
