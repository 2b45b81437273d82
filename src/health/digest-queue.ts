import type { StateStore } from '../store/state-store';
import type { HealthEventView } from './event-view';
import type { HealthStatus } from './health-delivery';

/** One line of a digest: an event for one account, as last delivered. */
export interface DigestLine {
  eventArn: string;
  accountId: string;
  accountName?: string;
  service: string;
  eventTypeCode: string;
  category: string;
  status: HealthStatus;
  region: string;
  lastUpdatedTime: string;
  organizationView: boolean;
  /** When it was queued (ISO): a digest takes the lines queued before its period ended. */
  queuedAt: string;
}

const DIGEST_LINE_SECONDS = 3 * 24 * 60 * 60;
const queueKey = (channel: string) => `health#digest#${channel}`;

/** Queues (or refreshes) an event's line in a digest channel; a newer delivery replaces an older line. */
export async function queueDigestLine(
  store: StateStore,
  channel: string,
  view: HealthEventView,
  accountId: string,
  now: Date,
): Promise<void> {
  const sk = `${view.eventArn}#${accountId}`;
  const name = view.accounts[accountId]?.name;
  const line: DigestLine = {
    eventArn: view.eventArn,
    accountId,
    ...(name ? { accountName: name } : {}),
    service: view.service,
    eventTypeCode: view.eventTypeCode,
    category: view.category,
    status: view.status,
    region: view.region,
    lastUpdatedTime: view.lastUpdatedTime,
    organizationView: view.organizationView,
    queuedAt: now.toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await store.get<DigestLine>(queueKey(channel), sk);
    if (current && current.data.lastUpdatedTime >= line.lastUpdatedTime) return;
    const written = current
      ? await store.replace(queueKey(channel), sk, line, current.version, { ttlSeconds: DIGEST_LINE_SECONDS })
      : await store.create(queueKey(channel), sk, line, { ttlSeconds: DIGEST_LINE_SECONDS });
    if (written) return;
  }
}

/** The lines waiting in a channel's digest queue (with their versions, to remove exactly what was sent). */
export async function queuedLines(store: StateStore, channel: string) {
  return (await store.query<DigestLine>(queueKey(channel))).map((r) => ({
    sk: r.sk,
    version: r.version,
    line: r.data,
  }));
}

/** Removes a sent line, unless a newer delivery replaced it meanwhile (that one goes in the next digest). */
export function removeSentLine(
  store: StateStore,
  channel: string,
  sk: string,
  version: number,
): Promise<boolean> {
  return store.remove(queueKey(channel), sk, version);
}

/**
 * The last period of a digest that has ended by `now`: `hourly` ends on the hour, `daily HH:MM` at that time
 * (UTC). Its key names the period once, for the claim that sends it once.
 */
export function endedPeriod(digest: string, now: Date): { key: string; end: Date } {
  const end = new Date(now);
  end.setUTCSeconds(0, 0);
  if (digest === 'hourly') {
    end.setUTCMinutes(0);
  } else {
    const [hours, minutes] = digest.replace('daily ', '').split(':').map(Number);
    end.setUTCHours(hours ?? 0, minutes ?? 0);
    if (end > now) end.setUTCDate(end.getUTCDate() - 1);
  }
  return { key: `${digest}@${end.toISOString()}`, end };
}
