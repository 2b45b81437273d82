import {
  type HealthHomeItem,
  type MuteHomeItem,
  putHomeItem,
  recordBestEffort,
  removeHomeItem,
} from '../store/home-items';
import type { StateStore } from '../store/state-store';
import type { HealthEventView } from './event-view';
import type { StoredMute } from './health-mutes';
import type { RenderOutcome } from './message-renderer';
import { scopePlain } from './mute-scope';

/** The Home item of one account's part of an event: its status now and the first alert message showing it. */
export function healthHomeItem(
  view: HealthEventView,
  accountId: string,
  messages: readonly RenderOutcome[],
): HealthHomeItem {
  const account = view.accounts[accountId];
  const shown = messages.find((message) => message.ts && message.channelId);
  return {
    kind: 'health',
    key: view.eventArn,
    account: { id: accountId, ...(account?.name ? { name: account.name } : {}) },
    at: view.lastUpdatedTime,
    fields: {
      eventArn: view.eventArn,
      service: view.service,
      eventTypeCode: view.eventTypeCode,
      category: view.category,
      status: view.status,
      region: view.region,
      ...(shown?.ts && shown.channelId ? { alert: { channelId: shown.channelId, ts: shown.ts } } : {}),
    },
  };
}

/** After a delivery: the account's Home line follows the event (best effort: never fails the delivery). */
export function recordHealthHome(
  store: StateStore,
  view: HealthEventView,
  accountId: string,
  messages: readonly RenderOutcome[],
): Promise<void> {
  return recordBestEffort(`health ${view.eventArn}`, () =>
    putHomeItem(store, healthHomeItem(view, accountId, messages)),
  );
}

export function muteHomeItem(mute: StoredMute): MuteHomeItem {
  return {
    kind: 'mute',
    key: mute.id,
    ...(mute.scope.accountId
      ? { account: { id: mute.scope.accountId, ...(mute.accountName ? { name: mute.accountName } : {}) } }
      : {}),
    at: mute.at,
    fields: {
      muteId: mute.id,
      scope: scopePlain(mute.scope, mute.accountName),
      until: mute.until,
      by: mute.by,
    },
  };
}

export function recordMuteHome(store: StateStore, mute: StoredMute): Promise<void> {
  return recordBestEffort(`mute ${mute.id}`, () => putHomeItem(store, muteHomeItem(mute)));
}

export function forgetMuteHome(store: StateStore, mute: StoredMute): Promise<void> {
  return recordBestEffort(`unmute ${mute.id}`, () => removeHomeItem(store, muteHomeItem(mute)));
}
