import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { AppConfig } from '../config/schema';
import type { SlackFiles } from '../slack/slack-files';
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
  /** An S3 client acting with member-account credentials in `region` (bucket tasks). */
  s3With: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>, region: string) => S3Client;
  /** The worker's own region: the default for bucket tasks that name none. */
  botRegion: string;
  sink: SlackSink;
  /** Files shared in Slack, read with the bot token (upload to S3). */
  slackFiles: SlackFiles;
  respond: (responseUrl: string, reply: SlackReply, options?: { replaceOriginal?: boolean }) => Promise<void>;
}
