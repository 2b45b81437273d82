import type { HealthEvent } from './health-event-schema';

export type HealthStatus = 'upcoming' | 'open' | 'closed';

/** An affected entity's status (the Health API's EntityStatusCode, lower-cased). */
export const ENTITY_STATUSES = ['impaired', 'pending', 'unknown', 'unimpaired', 'resolved'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

/** Resolved and unimpaired resources no longer need anyone; the others do. */
export const isRecovered = (status: EntityStatus | undefined): boolean =>
  status === 'resolved' || status === 'unimpaired';

function entityStatusOf(raw: string | undefined): EntityStatus | undefined {
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  return (ENTITY_STATUSES as readonly string[]).includes(lower) ? (lower as EntityStatus) : 'unknown';
}

/** What a Health event says about itself, in every delivery and in the merged view. */
export interface HealthEventFacts {
  eventArn: string;
  service: string;
  eventTypeCode: string;
  category: string;
  scope: string | undefined;
  region: string;
  status: HealthStatus;
  startTime: string;
  endTime: string | undefined;
  lastUpdatedTime: string;
  description: string;
}

/** One EventBridge delivery of a Health event for one account, in the shape the rest of the code uses. */
export interface HealthDelivery extends HealthEventFacts {
  deliveryId: string;
  /** The account the event is about (`detail.affectedAccount` in the organisational view). */
  accountId: string;
  /** True when delivered to the management / delegated-admin account on behalf of another account. */
  organizationView: boolean;
  entities: string[];
  /** The status each entity was delivered with (entities delivered without one are absent). */
  entityStatuses: Record<string, EntityStatus>;
  communicationId: string | undefined;
  page: number;
  totalPages: number;
}

/** English first (Health sends one description per language), then whatever came first. */
function pickDescription(descriptions: HealthEvent['detail']['eventDescription']): string {
  const english = descriptions.find((d) => d.language?.toLowerCase().startsWith('en'));
  return (english ?? descriptions[0])?.latestDescription ?? '';
}

/** Older samples have no `statusCode`: it is derived from the dates, as the Health dashboard does. */
function deriveStatus(detail: HealthEvent['detail'], at: string): HealthStatus {
  if (detail.statusCode) return detail.statusCode;
  if (detail.endTime && detail.endTime <= at) return 'closed';
  if (detail.startTime > at) return 'upcoming';
  return 'open';
}

/**
 * A sane maximum for `totalPages`: Health pages events over 256 KB, so 10,000 pages would be a 2.5 GB event. A
 * larger count (4,294,967,296 from a broken or hostile sender) is taken as this many, so the event is still shown,
 * with its pages missing, and its stored state stays small.
 */
export const MAX_TOTAL_PAGES = 10_000;

export function toDelivery(event: HealthEvent): HealthDelivery {
  const { detail } = event;
  const accountId = detail.affectedAccount ?? event.account;
  const entities = [...new Set(detail.affectedEntities.map((entity) => entity.entityValue))];
  const entityStatuses: Record<string, EntityStatus> = {};
  for (const entity of detail.affectedEntities) {
    const status = entityStatusOf(entity.status);
    if (status) entityStatuses[entity.entityValue] = status;
  }
  return {
    deliveryId: event.id,
    eventArn: detail.eventArn,
    service: detail.service,
    eventTypeCode: detail.eventTypeCode,
    category: detail.eventTypeCategory,
    scope: detail.eventScopeCode,
    region: detail.eventRegion ?? event.region,
    status: deriveStatus(detail, event.time),
    startTime: detail.startTime,
    endTime: detail.endTime,
    lastUpdatedTime: detail.lastUpdatedTime ?? event.time,
    description: pickDescription(detail.eventDescription),
    accountId,
    organizationView: accountId !== event.account,
    entities,
    entityStatuses,
    communicationId: detail.communicationId,
    page: Math.min(detail.page ?? 1, MAX_TOTAL_PAGES),
    totalPages: Math.min(detail.totalPages ?? 1, MAX_TOTAL_PAGES),
  };
}
