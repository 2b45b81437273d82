import type { STSClient } from '@aws-sdk/client-sts';
import type { SlackReply } from '../../blocks/message';
import type { Ec2For } from '../autotag/ec2-access';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/slack-sink';
import type { StateStore } from '../store/state-store';

/** What job runners need; built once per worker container (or test) and passed in. */
export interface WorkerDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  sts: STSClient;
  credentials: CrossAccountCredentials;
  /** An STS client acting with other credentials (for identities in member accounts). */
  stsWith: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>) => STSClient;
  sink: SlackSink;
  /** EC2 in an account and region (own credentials or the tagging role), for retags. */
  ec2For: Ec2For;
  respond: (responseUrl: string, reply: SlackReply, options?: { replaceOriginal?: boolean }) => Promise<void>;
}
