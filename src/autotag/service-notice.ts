import { autotagResourcesNotice } from '../../blocks/autotag-resources-notice';
import type { AutotagDeps } from './autotag-deps';
import type { CloudTrailEvent } from './cloudtrail-event';
import type { Creator } from './creator';
import { creatorSlackUser } from './creator-slack-user';
import type { TagAccess } from './ec2-access';
import type { TaggedCall } from './tagged-call';

export interface ServiceNoticeInput {
  event: CloudTrailEvent;
  row: TaggedCall;
  creator: Creator;
  arns: string[];
  owner: string;
  access: TagAccess;
  problems: string[];
}

const DAY = 24 * 60 * 60;

/**
 * The notice for a type of the table other than EC2's, posted once the outcome is known (tagged, or could not
 * be tagged after the not-ready retries). Posted once per event: a record is created first, and a retry that
 * finds it posts nothing.
 */
export async function postServiceNotice(
  input: ServiceNoticeInput,
  deps: AutotagDeps,
): Promise<'posted' | 'already-posted'> {
  const settings = deps.config.autotag;
  const key = `autotag#service-notice#${input.event.detail.eventID}`;
  if (!(await deps.store.create(key, '#', { at: input.event.detail.eventTime }, { ttlSeconds: DAY }))) {
    return 'already-posted';
  }
  const sink = await deps.sink();
  const slackUser = await creatorSlackUser(input.creator, settings, sink);
  const channel =
    settings.channelByAccount[input.access.accountId] ?? settings.channel ?? deps.config.slack.defaultChannel;
  const accountName = await deps.accounts.nameOf(input.access.accountId);
  await sink.post(
    channel,
    autotagResourcesNotice({
      label: input.row.label,
      eventName: input.event.detail.eventName,
      arns: input.arns,
      account: { id: input.access.accountId, ...(accountName ? { name: accountName } : {}) },
      region: input.access.region,
      partition: deps.config.organization.partition,
      createdAt: input.event.detail.eventTime,
      creator: input.creator.label,
      creatorArn: input.creator.arn,
      ...(slackUser ? { creatorSlackUserId: slackUser } : {}),
      owner: input.owner,
      ownerTagKey: settings.tagKeys.owner,
      dryRun: settings.dryRun,
      problems: input.problems,
    }),
  );
  return 'posted';
}
