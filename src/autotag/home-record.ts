import { type LaunchHomeItem, putHomeItem, recordBestEffort } from '../store/home-items';
import type { StateStore } from '../store/state-store';
import type { AutotagNotice } from './notice-record';

const SHOWN_RESOURCES = 2;

function namesText(names: readonly string[], total: number): string {
  const more = total - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function resourcesText(notice: AutotagNotice): string {
  const named = notice.resources.slice(0, SHOWN_RESOURCES).map((resource) => {
    const instance = notice.instances.find((i) => i.id === resource.id);
    return instance?.type ? `${resource.id} (${instance.type})` : resource.id;
  });
  return namesText(named, notice.resources.length);
}

/** The Home item of a notice: who launched what and who owns it, for that person's "Your launches". */
export function launchHomeItem(notice: AutotagNotice): LaunchHomeItem {
  return {
    kind: 'launch',
    key: notice.noticeId,
    account: { id: notice.account.id, ...(notice.account.name ? { name: notice.account.name } : {}) },
    at: notice.createdAt,
    fields: {
      noticeId: notice.noticeId,
      launcher: notice.creator.label,
      ...(notice.creatorSlackUserId ? { launcherUserId: notice.creatorSlackUserId } : {}),
      ...(notice.owner.slackUserId ? { ownerUserId: notice.owner.slackUserId } : {}),
      owner: notice.owner.value,
      resources: resourcesText(notice),
      region: notice.region,
      ...(notice.message ? { notice: { channelId: notice.message.channel, ts: notice.message.ts } } : {}),
    },
  };
}

/** After a notice is posted or its owner changed (best effort: never fails the notice or the retag). */
export function recordLaunchHome(store: StateStore, notice: AutotagNotice): Promise<void> {
  return recordBestEffort(`launch ${notice.noticeId}`, () => putHomeItem(store, launchHomeItem(notice)));
}

/** What a service notice (a non-EC2 creation) showed: it has no Retag / It's mine, so its Home line has none. */
export interface ServiceLaunch {
  eventId: string;
  account: { id: string; name?: string };
  region: string;
  createdAt: string;
  launcher: string;
  launcherUserId?: string;
  owner: string;
  arns: readonly string[];
  notice: { channel: string; ts: string };
}

export function serviceLaunchHomeItem(launch: ServiceLaunch): LaunchHomeItem {
  const names = launch.arns.slice(0, SHOWN_RESOURCES).map((arn) => arn.split(/[:/]/).pop() || arn);
  return {
    kind: 'launch',
    key: `service#${launch.eventId}`,
    account: launch.account,
    at: launch.createdAt,
    fields: {
      noticeId: `service#${launch.eventId}`,
      launcher: launch.launcher,
      ...(launch.launcherUserId ? { launcherUserId: launch.launcherUserId } : {}),
      owner: launch.owner,
      resources: namesText(names, launch.arns.length),
      region: launch.region,
      notice: { channelId: launch.notice.channel, ts: launch.notice.ts },
      actions: false,
    },
  };
}

/** After a service notice is posted (best effort, like the EC2 notice's). */
export function recordServiceLaunchHome(store: StateStore, launch: ServiceLaunch): Promise<void> {
  return recordBestEffort(`launch service#${launch.eventId}`, () =>
    putHomeItem(store, serviceLaunchHomeItem(launch)),
  );
}
