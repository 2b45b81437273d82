import { type LaunchHomeItem, putHomeItem, recordBestEffort } from '../store/home-items';
import type { StateStore } from '../store/state-store';
import type { AutotagNotice } from './notice-record';

const SHOWN_RESOURCES = 2;

function resourcesText(notice: AutotagNotice): string {
  const named = notice.resources.slice(0, SHOWN_RESOURCES).map((resource) => {
    const instance = notice.instances.find((i) => i.id === resource.id);
    return instance?.type ? `${resource.id} (${instance.type})` : resource.id;
  });
  const more = notice.resources.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
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
