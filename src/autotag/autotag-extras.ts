import { SQSClient } from '@aws-sdk/client-sqs';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import type { AutotagDeps } from './autotag-deps';
import { AUTOTAG_ROLE_PURPOSE } from './ec2-access';
import { type IdentityCenterNames, identityCenterNames } from './identity-center-names';
import { sqsRetryQueue } from './not-ready-retry';

type NamesAccess = {
  clients: Pick<MemberClients, 'identityStore'>;
  accounts: AccountDirectory;
  store: StateStore;
};

/**
 * Identity Center names when `autotag.identityCenter` is set — with the function's own credentials, or through
 * the tagging role of `identityCenter.accountId` when that is set. The live path and the backfill share it.
 */
export function identityCenterFor(config: AppConfig, access: NamesAccess): IdentityCenterNames | undefined {
  const identityCenter = config.autotag.identityCenter;
  if (!identityCenter) return undefined;
  const accountId = identityCenter.accountId;
  return identityCenterNames(
    access.clients.identityStore({
      accountId: accountId ?? 'own',
      region: identityCenter.region,
      ...(accountId ? { roleName: access.accounts.roleFor(accountId, AUTOTAG_ROLE_PURPOSE) } : {}),
    }),
    access.store,
  );
}

/**
 * What auto-tagging needs besides the per-account clients, made once per container: the not-ready retry queue
 * (AUTOTAG_RETRY_QUEUE_URL) and Identity Center names (`identityCenterFor`).
 */
export function autotagExtras(
  env: Pick<Env, 'AUTOTAG_RETRY_QUEUE_URL'>,
  config: AppConfig,
  access: NamesAccess,
): Pick<AutotagDeps, 'retryQueue' | 'identityCenter'> {
  const identityCenter = identityCenterFor(config, access);
  return {
    ...(env.AUTOTAG_RETRY_QUEUE_URL
      ? { retryQueue: sqsRetryQueue(new SQSClient({}), env.AUTOTAG_RETRY_QUEUE_URL) }
      : {}),
    ...(identityCenter ? { identityCenter } : {}),
  };
}
