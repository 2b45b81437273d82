import type { SlackReply } from '../../blocks/message';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import type { Ec2For } from './ec2-access';
import { retagNotice } from './retag';
import type { AutotagRetagJob } from './retag-job';

export interface RetagJobDeps {
  config: Pick<AppConfig, 'slack'>;
  store: StateStore;
  sink: SlackSink;
  /** EC2 in an account and region (own credentials or the tagging role). */
  ec2For: Ec2For;
}

/** Retag / It's mine, after the Slack function checked who clicked and on which notice. */
export function runAutotagRetag(job: AutotagRetagJob, deps: RetagJobDeps): Promise<SlackReply> {
  return retagNotice(job, {
    store: deps.store,
    sink: deps.sink,
    ec2For: deps.ec2For,
    ...(deps.config.slack.auditChannel ? { auditChannel: deps.config.slack.auditChannel } : {}),
  });
}
