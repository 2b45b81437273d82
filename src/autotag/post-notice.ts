import { autotagNotice } from '../../blocks/autotag-notice';
import { logger } from '../lambda/logger';
import type { AutotagDeps } from './autotag-deps';
import type { CloudTrailEvent } from './cloudtrail-event';
import type { Creator } from './creator';
import { creatorSlackUser } from './creator-slack-user';
import type { TagAccess } from './ec2-access';
import { recordLaunchHome } from './home-record';
import type { LaunchInventory } from './launch-inventory';
import { type AutotagNotice, noticeIdFor, noticeKey, noticeWithinItemSize } from './notice-record';
import type { TagPlan } from './tag-plan';

export type PostNoticeResult = 'posted' | 'already-posted';

export interface NoticeInput {
  event: CloudTrailEvent;
  creator: Creator;
  plan: TagPlan;
  inventory: LaunchInventory;
  access: TagAccess;
  problems: string[];
  accountName: string | undefined;
}

const DAY = 24 * 60 * 60;

/**
 * Posts the notice once per event: the record is written first (conditional create), the message posted, and
 * its channel/ts saved on the record. A retry after a failed post finds the record without a message and posts;
 * a retry after a successful one finds the message and posts nothing.
 */
export async function postNotice(input: NoticeInput, deps: AutotagDeps): Promise<PostNoticeResult> {
  const settings = deps.config.autotag;
  const sink = await deps.sink();
  const { pk, sk } = noticeKey(noticeIdFor(input.event.detail.eventID));
  const ttlSeconds = settings.noticeRetentionDays * DAY;
  const fresh = noticeWithinItemSize(await buildNotice(input, deps, sink));
  await deps.store.create(pk, sk, fresh, { ttlSeconds });
  const stored = await deps.store.get<AutotagNotice>(pk, sk);
  if (!stored) throw new Error(`notice ${input.event.detail.eventID} vanished right after it was written`);
  if (stored.data.message) return 'already-posted';
  const channel =
    settings.channelByAccount[input.access.accountId] ?? settings.channel ?? deps.config.slack.defaultChannel;
  const message = await sink.post(channel, autotagNotice(stored.data));
  const saved = await deps.store.replace(pk, sk, { ...stored.data, message }, stored.version, { ttlSeconds });
  if (!saved) logger.warn('notice record changed while posting; message reference not saved', { pk });
  else await recordLaunchHome(deps.store, { ...stored.data, message });
  return 'posted';
}

async function buildNotice(
  input: NoticeInput,
  deps: AutotagDeps,
  sink: Awaited<ReturnType<AutotagDeps['sink']>>,
): Promise<AutotagNotice> {
  const { event, creator, plan, inventory, access } = input;
  const settings = deps.config.autotag;
  const slackUser = await creatorSlackUser(creator, settings, sink);
  const firstInstance = plan.resources.find((r) => r.resource.kind === 'instance') ?? plan.resources[0];
  const ownerKept = firstInstance?.kept[settings.tagKeys.owner] !== undefined;
  return {
    noticeId: noticeIdFor(event.detail.eventID),
    eventName: event.detail.eventName,
    account: { id: access.accountId, ...(input.accountName ? { name: input.accountName } : {}) },
    region: access.region,
    partition: deps.config.organization.partition,
    createdAt: event.detail.eventTime,
    creator,
    ...(slackUser ? { creatorSlackUserId: slackUser } : {}),
    instances: inventory.instances,
    resources: inventory.resources,
    owner: { value: plan.owner, ...(slackUser && !ownerKept ? { slackUserId: slackUser } : {}) },
    ownerKept,
    ownerTagKey: settings.tagKeys.owner,
    access,
    dryRun: settings.dryRun,
    problems: input.problems,
    history: [],
  };
}
