import type { EntityStatus, HealthDelivery, HealthEventFacts } from './health-delivery';

/**
 * What one event keeps in its state-table item, which DynamoDB caps at 400 KB: at most 2,000 entities and 150,000
 * characters of them (entity values may be 2 KB each), a description of 40,000 characters (≤ 120 KB in UTF-8),
 * which leaves room for the accounts of a large organisation. Entities beyond are dropped and shown as "N+".
 */
export const MAX_STORED_ENTITIES = 2000;
const MAX_STORED_ENTITY_CHARS = 150_000;
const MAX_STORED_DESCRIPTION = 40_000;

export interface AccountState {
  name: string | undefined;
  /** Affected entities in the order they were first seen (new ones are appended). */
  entities: string[];
  /** Each entity's latest status, when Health gave one (absent in state written before statuses were kept). */
  statuses?: Record<string, EntityStatus>;
  /** Channels this account's part of the event was sent to: once routed, a channel keeps getting the updates. */
  channels: string[];
  lastUpdatedTime: string;
}

/** Everything known about one Health event (eventArn), merged from every delivery for every account. */
export interface HealthEventView extends HealthEventFacts {
  accounts: Record<string, AccountState>;
  /** Pages received per communication (communicationId without its page suffix), to show a paged event as incomplete. */
  pages: Record<string, { received: number[]; total: number }>;
  /** True once entities were dropped to keep the item within DynamoDB's size limit. */
  entitiesTruncated: boolean;
  /** Delivered through the organisational view (to the management / delegated-admin account). */
  organizationView: boolean;
}

export interface MergeInput {
  delivery: HealthDelivery;
  accountName: string | undefined;
  channels: readonly string[];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function storedEntities(view: HealthEventView): { count: number; chars: number } {
  const all = Object.values(view.accounts).flatMap((account) => account.entities);
  return { count: all.length, chars: all.reduce((sum, entity) => sum + entity.length, 0) };
}

/**
 * Folds one delivery into the view. Pure and idempotent: merging the same delivery twice gives the same view,
 * and a delivery older than what is known (a late retry) can add entities and accounts but never turns back the
 * status, dates or description.
 */
export function mergeDelivery(view: HealthEventView | undefined, input: MergeInput): HealthEventView {
  const { delivery: d } = input;
  const base: HealthEventView = view ?? {
    eventArn: d.eventArn,
    service: d.service,
    eventTypeCode: d.eventTypeCode,
    category: d.category,
    scope: d.scope,
    region: d.region,
    status: d.status,
    startTime: d.startTime,
    endTime: d.endTime,
    lastUpdatedTime: d.lastUpdatedTime,
    description: d.description.slice(0, MAX_STORED_DESCRIPTION),
    accounts: {},
    pages: {},
    entitiesTruncated: false,
    organizationView: d.organizationView,
  };
  const newer = d.lastUpdatedTime >= base.lastUpdatedTime;
  const next: HealthEventView = newer
    ? {
        ...base,
        status: d.status,
        startTime: d.startTime,
        endTime: d.endTime ?? base.endTime,
        lastUpdatedTime: d.lastUpdatedTime,
        description: d.description ? d.description.slice(0, MAX_STORED_DESCRIPTION) : base.description,
        scope: d.scope ?? base.scope,
      }
    : { ...base };

  next.organizationView = base.organizationView || d.organizationView;
  const previous = base.accounts[d.accountId];
  const stored = storedEntities(base);
  let room = MAX_STORED_ENTITIES - stored.count;
  let chars = MAX_STORED_ENTITY_CHARS - stored.chars;
  const added: string[] = [];
  const known = new Set(previous?.entities ?? []);
  for (const entity of d.entities) {
    if (known.has(entity)) continue;
    if (room <= 0 || entity.length > chars) {
      next.entitiesTruncated = true;
      break;
    }
    known.add(entity);
    added.push(entity);
    room -= 1;
    chars -= entity.length;
  }
  const statuses = mergeStatuses(previous, d, known);
  next.accounts = {
    ...base.accounts,
    [d.accountId]: {
      name: input.accountName ?? previous?.name,
      entities: [...(previous?.entities ?? []), ...added],
      ...(statuses ? { statuses } : {}),
      channels: union(previous?.channels ?? [], input.channels),
      lastUpdatedTime:
        previous && previous.lastUpdatedTime > d.lastUpdatedTime
          ? previous.lastUpdatedTime
          : d.lastUpdatedTime,
    },
  };
  if (d.communicationId && d.totalPages > 1) {
    const communication = communicationOfPages(d.communicationId);
    const seen = base.pages[communication]?.received ?? [];
    next.pages = {
      ...base.pages,
      [communication]: {
        received: [...new Set([...seen, d.page])].sort((a, b) => a - b),
        total: d.totalPages,
      },
    };
  }
  return next;
}

/**
 * The account's entity statuses after this delivery: a delivery at least as new as the account's last one sets
 * the statuses it carries; an older one (a late retry) only fills in entities that had none.
 */
function mergeStatuses(
  previous: AccountState | undefined,
  d: HealthDelivery,
  stored: ReadonlySet<string>,
): Record<string, EntityStatus> | undefined {
  const newer = !previous || d.lastUpdatedTime >= previous.lastUpdatedTime;
  const statuses: Record<string, EntityStatus> = { ...previous?.statuses };
  for (const [entity, status] of Object.entries(d.entityStatuses ?? {})) {
    if (stored.has(entity) && (newer || statuses[entity] === undefined)) statuses[entity] = status;
  }
  return Object.keys(statuses).length > 0 ? statuses : undefined;
}

/**
 * The communication a page belongs to: the communicationId without its hyphenated number. AWS's paging page says
 * both that every communicationId ends with "the hyphenated page number" (`…abc-1`, even with one page) and that
 * every page "retains the same communicationId", and shows no page 2. Dropping whatever number ends the id keeps
 * the pages of one communication together either way (`…abc-1` + `…abc-2`, or `…abc-1` on every page).
 */
export function communicationOfPages(communicationId: string): string {
  return communicationId.replace(/-\d+$/, '');
}

/** Key order does not survive a round trip through DynamoDB: compare views by canonical JSON. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameView(a: HealthEventView, b: HealthEventView): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The part of the view one channel shows: only the accounts routed to that channel. */
export function viewForChannel(view: HealthEventView, channel: string): HealthEventView {
  const accounts = Object.fromEntries(
    Object.entries(view.accounts).filter(([, account]) => account.channels.includes(channel)),
  );
  return { ...view, accounts };
}

/** Ranges listed at most in a message; the count says how many pages are missing in all. */
const MISSING_RANGES_SHOWN = 10;

/**
 * Pages still to come as ranges, e.g. `{ count: 6, ranges: [[2, 3], [6, 9]] }` when pages 1, 4 and 5 of 9 arrived.
 * The work grows with the pages received, never with the total Health announces (4,294,967,296 is answered at
 * once): the ranges are the gaps between received pages, at most ten of them listed.
 */
export function missingPages(view: HealthEventView): MissingPages {
  let count = 0;
  const ranges: [number, number][] = [];
  for (const { received, total } of Object.values(view.pages)) {
    const seen = [...new Set(received.filter((page) => page >= 1 && page <= total))].sort((a, b) => a - b);
    count += total - seen.length;
    let next = 1;
    for (const page of [...seen, total + 1]) {
      if (page > next && ranges.length < MISSING_RANGES_SHOWN) ranges.push([next, page - 1]);
      next = page + 1;
    }
  }
  return { count, ranges };
}

/** How many pages of a paged event are missing, and the first ranges of them (`[2, 3]` is pages 2 and 3). */
export interface MissingPages {
  count: number;
  ranges: readonly (readonly [number, number])[];
}
