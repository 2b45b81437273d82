import { createHash } from 'node:crypto';
import { truncateText } from '../../blocks/truncate';
import type { TagKeys } from './config-schema';
import type { CreatedResource } from './created-resources';
import type { Creator } from './creator';
import type { TagAccess } from './ec2-access';

/** An instance as the notice shows it. */
export interface NoticeInstance {
  id: string;
  type?: string;
  imageId?: string;
  name?: string;
}

export interface OwnerChange {
  jobId: string;
  from: string;
  to: string;
  by: string;
  at: string;
}

/**
 * What the bot announced for one create event, kept in the state table. A retag acts only on the resources
 * listed here, found by the notice id and checked against the message the click came from.
 */
export interface AutotagNotice {
  noticeId: string;
  eventName: string;
  account: { id: string; name?: string };
  region: string;
  partition: string;
  createdAt: string;
  creator: Creator;
  /** The launcher's Slack user, when it could be found (e-mail lookup or `autotag.people`). */
  creatorSlackUserId?: string;
  instances: NoticeInstance[];
  resources: CreatedResource[];
  owner: { value: string; slackUserId?: string };
  /** True when the resource already had an owner tag that was kept. */
  ownerKept: boolean;
  ownerTagKey: TagKeys['owner'];
  access: TagAccess;
  dryRun: boolean;
  /** Things that went wrong while tagging, in words (shown in the notice). */
  problems: string[];
  message?: { channel: string; ts: string };
  confirmedBy?: string;
  history: OwnerChange[];
}

export const noticeKey = (noticeId: string): { pk: string; sk: string } => ({
  pk: `autotag#notice#${noticeId}`,
  sk: '#',
});

const PLAIN_NOTICE_ID = /^[\w-]{1,100}$/;

/**
 * The notice's id, carried as the Retag / It's mine button value and in the retag job (≤ 100 characters): the
 * CloudTrail eventID when it is a plain id (always, from CloudTrail), else a stable hash of it, so a forged or
 * oversized eventID still gives buttons that work.
 */
export const noticeIdFor = (eventId: string): string =>
  PLAIN_NOTICE_ID.test(eventId)
    ? eventId
    : `h-${createHash('sha256').update(eventId).digest('hex').slice(0, 40)}`;

/** Longer than any id, ARN, name or tag value AWS sends (a 2,048-char ARN at most); only forged text is cut. */
const MAX_STRING_LENGTH = 2048;
/** Well under DynamoDB's 400 KB item, leaving room for the owner history a retag adds. */
const MAX_NOTICE_BYTES = 300_000;
const sizeOf = (notice: AutotagNotice): number => Buffer.byteLength(JSON.stringify(notice));

/**
 * The notice as it can be stored: strings no real event carries are cut, and a launch too large for one item
 * (thousands of instances in one RunInstances) keeps its first resources, and says in its problems how many it leaves out — all of them were tagged, but a
 * retag changes the listed ones only.
 */
export function noticeWithinItemSize(built: AutotagNotice): AutotagNotice {
  const notice = withinStringLength(built);
  let fitted = notice;
  let listed = notice.resources.length;
  while (sizeOf(fitted) > MAX_NOTICE_BYTES && listed > 1) {
    listed = Math.floor(listed / 2);
    const resources = notice.resources.slice(0, listed);
    const ids = new Set(resources.map((resource) => resource.id));
    const left = notice.resources.length - listed;
    fitted = {
      ...notice,
      resources,
      instances: notice.instances.filter((instance) => ids.has(instance.id)),
      problems: [
        ...notice.problems,
        `${left} more resources were tagged but are not listed here (too many for one notice); Retag changes the listed ones only.`,
      ],
    };
  }
  return fitted;
}

/** Every string of a stored record cut to MAX_STRING_LENGTH, never inside a character ("…" marks a cut). */
function withinStringLength<T>(value: T): T {
  if (typeof value === 'string')
    return (value.length > MAX_STRING_LENGTH ? truncateText(value, MAX_STRING_LENGTH) : value) as T;
  if (Array.isArray(value)) return value.map(withinStringLength) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, withinStringLength(inner)]),
    ) as T;
  return value;
}
