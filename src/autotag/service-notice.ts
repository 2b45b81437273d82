import { autotagResourcesNotice } from '../../blocks/autotag-resources-notice';
import { logger } from '../lambda/logger';
import type { PostedMessage } from '../slack/api/slack-sink';
import type { AutotagDeps } from './autotag-deps';
import type { CloudTrailEvent } from './cloudtrail-event';
import type { Creator } from './creator';
import { creatorSlackUser } from './creator-slack-user';
import type { TagAccess } from './ec2-access';
import { recordServiceLaunchHome } from './home-record';
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

/** The record that keeps a service notice to one post per event; `message` once Slack has it. */
interface ServiceNoticeRecord {
  at: string;
  message?: PostedMessage;
}

/**
 * The notice for a type of the table other than EC2's, posted once the outcome is known (tagged, or could not
 * be tagged after the not-ready retries). Posted once per event, like the EC2 notice (post-notice.ts): the
 * record is written first, the message posted, and its reference saved on the record. A retry after a failed
 * post finds the record without a message and posts; a retry after a successful one posts nothing.
 */
export async function postServiceNotice(
  input: ServiceNoticeInput,
  deps: AutotagDeps,
): Promise<'posted' | 'already-posted'> {
  const settings = deps.config.autotag;
  const key = `autotag#service-notice#${input.event.detail.eventID}`;
  await deps.store.create<ServiceNoticeRecord>(
    key,
    '#',
    { at: input.event.detail.eventTime },
    { ttlSeconds: DAY },
  );
  const stored = await deps.store.get<ServiceNoticeRecord>(key);
  if (!stored) throw new Error(`notice ${input.event.detail.eventID} vanished right after it was written`);
  if (stored.data.message) return 'already-posted';
  const sink = await deps.sink();
  const slackUser = await creatorSlackUser(input.creator, settings, sink);
  const channel =
    settings.channelByAccount[input.access.accountId] ?? settings.channel ?? deps.config.slack.defaultChannel;
  const accountName = await deps.accounts.nameOf(input.access.accountId);
  const message = await sink.post(
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
  const saved = await deps.store.replace(key, '#', { ...stored.data, message }, stored.version, {
    ttlSeconds: DAY,
  });
  if (!saved)
    logger.warn('service notice record changed while posting; message reference not saved', { key });
  await recordServiceLaunchHome(deps.store, {
    eventId: input.event.detail.eventID,
    account: { id: input.access.accountId, ...(accountName ? { name: accountName } : {}) },
    region: input.access.region,
    createdAt: input.event.detail.eventTime,
    launcher: input.creator.label,
    ...(slackUser ? { launcherUserId: slackUser } : {}),
    owner: input.owner,
    arns: input.arns,
    notice: message,
  });
  return 'posted';
}
