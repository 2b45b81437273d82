import type { Context } from 'aws-lambda';
import { autotagClients } from '../src/autotag/autotag-clients';
import { cloudTrailEventSchema } from '../src/autotag/cloudtrail-event';
import { ec2ClientFactory } from '../src/autotag/ec2-access';
import { type AutotagOutcome, handleCreateEvent } from '../src/autotag/handle-create-event';
import { memberAccountAccess } from '../src/aws/member-account-access';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { describeZodProblems } from '../src/config/zod-problems';
import { logger, withCorrelation } from '../src/lambda/logger';
import { eventIdOf, quarantine } from '../src/lambda/quarantine';
import { slackSinkFromEnv } from '../src/slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** EventBridge CloudTrail create calls of the table (this account and forwarded from member accounts) → tags + notice. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = stateStoreFromEnv(env);
const { credentials, accounts } = memberAccountAccess(config, 'aws-chatops-autotag');
const ec2For = ec2ClientFactory(credentials);
const sink = slackSinkFromEnv(env);
const clients = autotagClients(env, config, { credentials, accounts, store });

export const handler = async (
  event: unknown,
  context?: Pick<Context, 'invokedFunctionArn'>,
): Promise<AutotagOutcome | undefined> => {
  withCorrelation({ eventId: eventIdOf(event), function: 'autotag-event' });
  const parsed = cloudTrailEventSchema.safeParse(event);
  if (!parsed.success) {
    await quarantine(store, 'autotagEvent', event, describeZodProblems(parsed.error));
    return undefined;
  }
  withCorrelation({
    eventId: parsed.data.detail.eventID,
    account: parsed.data.account,
    function: 'autotag-event',
  });
  const ownAccountId = context?.invokedFunctionArn?.split(':')[4];
  const outcome = await handleCreateEvent(parsed.data, {
    config,
    accounts,
    store,
    ec2For,
    sink,
    ownAccountId,
    ...clients,
  });
  logger.info('autotag event handled', { outcome });
  return outcome;
};
