import type { StateStore } from '../store/state-store';
import { type HealthEventView, viewForChannel } from './event-view';
import { eventKey } from './health-state';
import type { PostedAlert } from './message-index';
import { type MuteScope, scopeChoices } from './mute-scope';

/** The event as the alert's channel shows it, or undefined when its state is gone. */
export async function alertView(store: StateStore, alert: PostedAlert): Promise<HealthEventView | undefined> {
  const { pk, sk } = eventKey(alert.eventArn);
  const record = await store.get<HealthEventView>(pk, sk);
  return record ? viewForChannel(record.data, alert.channel) : undefined;
}

/** The mute scopes an alert offers: for its event type and service, in the accounts the alert shows. */
export function muteChoicesOf(view: HealthEventView): { scope: MuteScope; label: string }[] {
  const accounts = Object.entries(view.accounts).map(([id, account]) => ({ id, name: account.name }));
  return scopeChoices(view, accounts);
}

export const sameScope = (a: MuteScope, b: MuteScope): boolean =>
  a.kind === b.kind &&
  a.accountId === b.accountId &&
  (a.kind === 'eventType'
    ? a.eventTypeCode === (b as typeof a).eventTypeCode
    : a.service === (b as typeof a).service);
