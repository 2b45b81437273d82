import type { SlackReply } from '../../../blocks/message';
import { retagNotice } from '../../autotag/retag';
import type { JobOfKind } from '../job';
import type { WorkerDeps } from '../worker-deps';

/** Retag / It's mine, after the Slack function checked who clicked and on which notice. */
export function runAutotagRetag(job: JobOfKind<'autotag-retag'>, deps: WorkerDeps): Promise<SlackReply> {
  return retagNotice(job, {
    store: deps.store,
    sink: deps.sink,
    ec2For: deps.ec2For,
    ...(deps.config.slack.auditChannel ? { auditChannel: deps.config.slack.auditChannel } : {}),
  });
}
