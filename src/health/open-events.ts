import type { StateStore } from '../store/state-store';
import { canonicalJson, type HealthEventView } from './event-view';
import type { HealthStatus } from './health-delivery';
import { HEALTH_STATE_TTL_SECONDS } from './health-state';

/** One open or upcoming event as `/aws-health`, reminders and digests list it (small: read in one query). */
export interface OpenEvent {
  eventArn: string;
  service: string;
  eventTypeCode: string;
  category: string;
  status: HealthStatus;
  region: string;
  startTime: string;
  lastUpdatedTime: string;
  organizationView: boolean;
  /** The first accounts (id, name) and how many there are in all. */
  accounts: { id: string; name?: string }[];
  accountCount: number;
}

const OPEN = 'health#open';
const ACCOUNTS_KEPT = 20;

function openEventOf(view: HealthEventView): OpenEvent {
  const accounts = Object.entries(view.accounts);
  return {
    eventArn: view.eventArn,
    service: view.service,
    eventTypeCode: view.eventTypeCode,
    category: view.category,
    status: view.status,
    region: view.region,
    startTime: view.startTime,
    lastUpdatedTime: view.lastUpdatedTime,
    organizationView: view.organizationView,
    accounts: accounts.slice(0, ACCOUNTS_KEPT).map(([id, a]) => (a.name ? { id, name: a.name } : { id })),
    accountCount: accounts.length,
  };
}

/**
 * Keeps the list of open and upcoming events in step with an event's merged view: listed while not closed,
 * dropped once closed. Concurrent deliveries of one event race here; the newest view wins (an older one that
 * finds a newer entry leaves it).
 */
export async function trackOpenEvent(store: StateStore, view: HealthEventView): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await store.get<OpenEvent>(OPEN, view.eventArn);
    if (current && current.data.lastUpdatedTime > view.lastUpdatedTime) return;
    if (view.status === 'closed') {
      if (!current || (await store.remove(OPEN, view.eventArn, current.version))) return;
      continue;
    }
    const entry = openEventOf(view);
    if (current && canonicalJson(current.data) === canonicalJson(entry)) return;
    const written = current
      ? await store.replace(OPEN, view.eventArn, entry, current.version, {
          ttlSeconds: HEALTH_STATE_TTL_SECONDS,
        })
      : await store.create(OPEN, view.eventArn, entry, { ttlSeconds: HEALTH_STATE_TTL_SECONDS });
    if (written) return;
  }
}

/** Every open and upcoming event the bot has received. */
export async function listOpenEvents(store: StateStore): Promise<OpenEvent[]> {
  return (await store.query<OpenEvent>(OPEN)).map((record) => record.data);
}
