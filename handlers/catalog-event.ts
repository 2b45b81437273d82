import type { Context } from 'aws-lambda';
import { memberAccountAccess } from '../src/aws/member-account-access';
import { compileRoutes } from '../src/catalog/alert-routing';
import { handleCatalogEvent } from '../src/catalog/handle-catalog-event';
import { cachedMemberClients } from '../src/catalog/member-clients';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { slackSinkFromEnv } from '../src/slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** Service Catalog failures: SNS CloudFormation notifications and EventBridge stack status changes. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const { accounts, credentials } = memberAccountAccess(config, 'aws-chatops-catalog');
const deps = {
  config: config.catalog,
  routes: compileRoutes(config.catalog.routes, accounts),
  fallback: { channel: config.catalog.channel ?? config.slack.defaultChannel },
  accounts,
  credentials,
  memberClients: cachedMemberClients(),
  store: stateStoreFromEnv(env),
  sink: slackSinkFromEnv(env),
};

export const handler = async (
  event: unknown,
  context?: Pick<Context, 'invokedFunctionArn'>,
): Promise<void> => {
  await handleCatalogEvent(event, { ...deps, ownAccountId: context?.invokedFunctionArn?.split(':')[4] });
};
