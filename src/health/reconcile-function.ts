import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HealthClient } from '@aws-sdk/client-health';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import type { Context } from 'aws-lambda';
import { callerIdentity } from '../aws/caller-identity';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv } from '../lambda/bad-input';
import { logger } from '../lambda/logger';
import { once } from '../lambda/once';
import { accountHealthApi, organizationHealthApi } from './health-api';
import { createHealthRuntime } from './health-function';
import { backfillHealthHome } from './home-backfill';
import { type ReconcileOutcome, reconcileHealth } from './reconcile';
import { onSchedule } from './scheduled-run';

/** Health's API answers from us-east-1 (DESIGN.md); AWS_ENDPOINT_URL_HEALTH still applies. */
const HEALTH_REGION = 'us-east-1';

/**
 * The healthReconcile Lambda handler (every 5 minutes): reads the Health API and sends what the state table has
 * not seen through the Health function's own delivery path, in this same container.
 */
export function createHealthReconcileFunction(env: Env, config: AppConfig) {
  const dynamodb = new DynamoDBClient({});
  const sqs = new SQSClient({});
  const health = createHealthRuntime(env, config, {
    dynamodb,
    organizations: new OrganizationsClient({ region: 'us-east-1' }),
    sqs,
  });
  const client = new HealthClient({ region: HEALTH_REGION });
  const sts = new STSClient({});
  const ownAccount = once(async () => (await callerIdentity(sts)).accountId);
  const api =
    config.health.reconcile.view === 'organization'
      ? organizationHealthApi(client)
      : accountHealthApi(client, ownAccount);
  const badInput = {
    store: health.store,
    source: 'healthReconcile',
    failureQueue: failureQueueFromEnv(env, sqs),
  };

  return (
    event: unknown,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<ReconcileOutcome | undefined> =>
    onSchedule(event, badInput, async () => {
      // A third of the run at most: the Home's one-off fill never crowds out the reconcile itself.
      const remaining = context?.getRemainingTimeInMillis() ?? 60_000;
      await backfillHealthHome(health.store, new Date(), Date.now() + remaining / 3).catch(
        (error: unknown) => {
          logger.warn('Home items not filled from the Health state; tried again next run', { error });
        },
      );
      try {
        const outcome = await reconcileHealth({
          api,
          store: health.store,
          deliver: (delivery) => health.handle(delivery, context?.getRemainingTimeInMillis()),
          ownAccount,
          config: config.health.reconcile,
          now: new Date(),
        });
        logger.info('health reconcile run', { ...outcome });
        return outcome;
      } catch (error) {
        // No Business/Enterprise support plan (or the organisational view not enabled): nothing to reconcile with.
        if ((error as { name?: string }).name === 'SubscriptionRequiredException') {
          logger.warn('Health API not available to this account; reconcile skipped', { error });
          return undefined;
        }
        throw error;
      }
    });
}
