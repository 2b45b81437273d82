import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import type { AutotagDeps } from './autotag-deps';
import { AUTOTAG_ROLE_PURPOSE } from './ec2-access';
import { identityCenterNames } from './identity-center-names';
import { sqsRetryQueue } from './not-ready-retry';
import { taggingClientFactory } from './tagging-api';

/**
 * The clients auto-tagging needs besides EC2, made once per container: the Tagging API per account and region,
 * the not-ready retry queue (AUTOTAG_RETRY_QUEUE_URL), and Identity Center names when `autotag.identityCenter`
 * is set — in the bot's account with its own credentials, else through the tagging role of that account.
 */
export function autotagClients(
  env: Pick<Env, 'AUTOTAG_RETRY_QUEUE_URL'>,
  config: AppConfig,
  access: { credentials: CrossAccountCredentials; accounts: AccountDirectory; store: StateStore },
  ownAccountId?: string,
): Pick<AutotagDeps, 'taggingFor' | 'retryQueue' | 'identityCenter'> {
  const identityCenter = config.autotag.identityCenter;
  const viaRole = identityCenter?.accountId && identityCenter.accountId !== ownAccountId;
  return {
    taggingFor: taggingClientFactory(access.credentials),
    ...(env.AUTOTAG_RETRY_QUEUE_URL
      ? { retryQueue: sqsRetryQueue(new SQSClient({}), env.AUTOTAG_RETRY_QUEUE_URL) }
      : {}),
    ...(identityCenter
      ? {
          identityCenter: identityCenterNames(
            new IdentitystoreClient({
              region: identityCenter.region,
              ...(viaRole && identityCenter.accountId
                ? {
                    credentials: access.credentials.credentialsFor(
                      identityCenter.accountId,
                      access.accounts.roleFor(identityCenter.accountId, AUTOTAG_ROLE_PURPOSE),
                    ),
                  }
                : {}),
            }),
            access.store,
          ),
        }
      : {}),
  };
}
