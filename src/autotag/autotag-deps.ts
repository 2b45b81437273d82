import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import type { IdentityCenterNames } from './identity-center-names';
import type { RetryQueue } from './not-ready-retry';
import type { RetryOptions } from './retry';

/** What handling one CloudTrail create event needs; built once per Lambda container (or test). */
export interface AutotagDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  /** EC2 and the Tagging API in an account and region (own credentials or the tagging role). */
  clients: Pick<MemberClients, 'ec2' | 'taggingApi'>;
  sink: () => Promise<SlackSink>;
  /** The bot's own account (its resources are tagged with its own credentials, not through a role). */
  ownAccountId: string | undefined;
  sleep?: RetryOptions['sleep'];
  /** Where not-ready resources wait for their next try; without it they are reported at once. */
  retryQueue?: RetryQueue;
  /** Identity Center user names (`autotag.identityCenter`); without it users are named by id. */
  identityCenter?: IdentityCenterNames;
}
