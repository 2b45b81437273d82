import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { cloudFormationClients } from '../aws/clients/cloudformation';
import { serviceCatalogClients } from '../aws/clients/service-catalog';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv } from '../lambda/bad-input';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { SubscriptionStore } from '../store/subscriptions';
import { compileRoutes } from './alert-routing';
import { type CatalogEventDeps, handleCatalogEvent } from './handle-catalog-event';

/**
 * The catalogEvent Lambda handler: Service Catalog failures from SNS CloudFormation notifications and EventBridge
 * stack status changes. Clients are made once per container; tests may pass their own.
 */
export function createCatalogFunction(
  env: Env,
  config: AppConfig,
  overrides: Partial<Pick<CatalogEventDeps, 'store' | 'sink' | 'clients'>> & { sqs?: SQSClient } = {},
) {
  const { accounts, credentials, clients } = memberAccountAccess(config, 'aws-chatops-catalog', {
    serviceCatalog: serviceCatalogClients,
    cloudFormation: cloudFormationClients,
  });
  const store = overrides.store ?? stateStoreFromEnv(env);
  const deps: CatalogEventDeps = {
    config: config.catalog,
    routes: compileRoutes(config.catalog.routes, accounts),
    fallback: { channel: config.catalog.channel ?? config.slack.defaultChannel },
    accounts,
    credentials,
    clients: overrides.clients ?? clients,
    store,
    subscriptions: new SubscriptionStore(store),
    sink: overrides.sink ?? slackSinkFromEnv(env),
    failureQueue: failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({})),
  };
  return async (
    event: unknown,
    context?: Partial<Pick<Context, 'invokedFunctionArn' | 'getRemainingTimeInMillis'>>,
  ): Promise<void> => {
    const remaining = context?.getRemainingTimeInMillis?.bind(context);
    await handleCatalogEvent(event, {
      ...deps,
      ownAccountId: context?.invokedFunctionArn?.split(':')[4],
      ...(remaining ? { remainingMs: remaining } : {}),
    });
  };
}
