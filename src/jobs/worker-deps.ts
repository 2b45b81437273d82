import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SupportClient } from '@aws-sdk/client-support';
import type { SlackReply } from '../../blocks/message';
import type { Ec2For } from '../autotag/ec2-access';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { ChartRenderer } from '../cases/case-report';
import type { AppConfig } from '../config/schema';
import type { FailureQueue } from '../runtime/failure-queue';
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
  /** For the case report: AssumeRole made once per attempt (the fan-out retries it outside the slot). */
  casesCredentials?: CrossAccountCredentials;
  /** An STS client acting with other credentials (for identities in member accounts). */
  stsWith: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>) => STSClient;
  /** A Support client (us-east-1) acting with a member account's credentials. */
  supportWith: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>) => SupportClient;
  organizations: Pick<OrganizationsClient, 'send'>;
  /** vega + resvg, loaded on first use (only case reports draw charts). */
  loadChartRenderer: () => Promise<ChartRenderer>;
  now: () => Date;
  sink: SlackSink;
  /** EC2 in an account and region (own credentials or the tagging role), for retags. */
  ec2For: Ec2For;
  /** An S3 client acting with member-account credentials in `region` (bucket tasks). */
  s3With: (credentials: ReturnType<CrossAccountCredentials['credentialsFor']>, region: string) => S3Client;
  /** The worker's own region: the default for bucket tasks that name none. */
  botRegion: string;
  /** Files shared in Slack, read with the bot token (upload to S3). */
  slackFiles: SlackFiles;
  respond: (responseUrl: string, reply: SlackReply, options?: { replaceOriginal?: boolean }) => Promise<void>;
  /** Hosts besides Slack's whose response URLs the worker answers (local stand-ins only). */
  responseUrlHosts: readonly string[];
  /** Where jobs whose run was killed are kept (FAILED_EVENTS_QUEUE_URL); absent locally. */
  failureQueue?: FailureQueue;
  /** Waits out a duplicate delivery's lease (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}
