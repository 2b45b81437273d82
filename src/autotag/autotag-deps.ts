import type { AccountDirectory } from '../aws/account-directory';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import type { Ec2For } from './ec2-access';
import type { IdentityCenterNames } from './identity-center-names';
import type { RetryQueue } from './not-ready-retry';
import type { RetryOptions } from './retry';
import type { TaggingFor } from './tagging-api';

/** What handling one CloudTrail create event needs; built once per Lambda container (or test). */
export interface AutotagDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  ec2For: Ec2For;
  sink: () => Promise<SlackSink>;
  /** The bot's own account (its resources are tagged with its own credentials, not through a role). */
  ownAccountId: string | undefined;
  sleep?: RetryOptions['sleep'];
  /** Resource Groups Tagging API clients, for every type of the table but EC2's. */
  taggingFor?: TaggingFor;
  /** Where not-ready resources wait for their next try; without it they are reported at once. */
  retryQueue?: RetryQueue;
  /** Identity Center user names (`autotag.identityCenter`); without it users are named by id. */
  identityCenter?: IdentityCenterNames;
}
