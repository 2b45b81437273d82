import type { SlackReply } from '../../blocks/message';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { retagNotice } from './retag';
import type { AutotagRetagJob } from './retag-job';

export interface RetagJobDeps {
  config: Pick<AppConfig, 'slack'>;
  store: StateStore;
  sink: SlackSink;
  /** EC2 in an account and region (own credentials or the tagging role). */
  clients: Pick<MemberClients, 'ec2'>;
}

/** Retag / It's mine, after the Slack function checked who clicked and on which notice. */
export function runAutotagRetag(job: AutotagRetagJob, deps: RetagJobDeps): Promise<SlackReply> {
  return retagNotice(job, {
    store: deps.store,
    sink: deps.sink,
    clients: deps.clients,
    ...(deps.config.slack.auditChannel ? { auditChannel: deps.config.slack.auditChannel } : {}),
  });
}
