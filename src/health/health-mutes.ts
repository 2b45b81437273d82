import { randomUUID } from 'node:crypto';
import type { StateStore } from '../store/state-store';
import { type MuteScope, type MuteSubject, scopeMatches } from './mute-scope';

/** A mute set from Slack (the config file's `health.mute` are the other kind). */
export interface StoredMute {
  id: string;
  scope: MuteScope;
  accountName?: string;
  /** ISO date-time; the mute ends by itself then. */
  until: string;
  by: string;
  at: string;
  /** The alert it was set from, and the thread reply that announced it (its Unmute button is bound to it). */
  eventArn: string;
  alert: { channelId: string; ts: string };
  announcement?: { channelId: string; ts: string };
}

const MUTES = 'health#mutes';
const DAY_SECONDS = 24 * 60 * 60;

/** Seconds until the record is swept: a day after the mute ends (an ended mute is ignored before that). */
function ttlSeconds(until: string, now: Date): number {
  return Math.max(60, Math.ceil((Date.parse(until) - now.getTime()) / 1000) + DAY_SECONDS);
}

export function newMuteId(): string {
  return `mute-${randomUUID()}`;
}

export async function saveMute(store: StateStore, mute: StoredMute, now: Date): Promise<boolean> {
  return store.create(MUTES, mute.id, mute, { ttlSeconds: ttlSeconds(mute.until, now) });
}

export async function findMute(
  store: StateStore,
  id: string,
): Promise<{ mute: StoredMute; version: number } | undefined> {
  const record = await store.get<StoredMute>(MUTES, id);
  return record ? { mute: record.data, version: record.version } : undefined;
}

export async function replaceMute(store: StateStore, mute: StoredMute, version: number, now: Date) {
  return store.replace(MUTES, mute.id, mute, version, { ttlSeconds: ttlSeconds(mute.until, now) });
}

export async function removeMute(store: StateStore, id: string): Promise<void> {
  await store.remove(MUTES, id);
}

/** Mutes that have not ended, oldest first. One query: read on every delivery, so a new mute counts at once. */
export async function activeMutes(store: StateStore, now: Date): Promise<StoredMute[]> {
  const records = await store.query<StoredMute>(MUTES, { prefix: 'mute-' });
  return records
    .map((record) => record.data)
    .filter((mute) => Date.parse(mute.until) > now.getTime())
    .sort((a, b) => a.at.localeCompare(b.at));
}

export function muteFor(mutes: readonly StoredMute[], subject: MuteSubject): StoredMute | undefined {
  return mutes.find((mute) => scopeMatches(mute.scope, subject));
}
