import { logger } from '../lambda/logger';
import type { StateStore } from './state-store';

/** A Slack message a Home line links to. */
export interface MessageRef {
  channelId: string;
  ts: string;
}

export interface HomeAccount {
  id: string;
  name?: string;
}

/** One Health event in one account, as its latest delivery left it. */
export interface HealthHomeFields {
  eventArn: string;
  service: string;
  eventTypeCode: string;
  category: string;
  status: 'open' | 'upcoming' | 'closed';
  region: string;
  alert?: MessageRef;
}

/** One failed Service Catalog launch (a stack that failed), as alerted. */
export interface CatalogHomeFields {
  stackName: string;
  product?: string;
  status: string;
  region: string;
  alert?: MessageRef;
}

/** One account's support cases as the last scheduled report counted them. */
export interface CasesHomeFields {
  /** Open cases among those opened inside the report's window (DescribeCases' afterTime): not every open case. */
  open: number;
  total: number;
  window: string;
  /** The report could not read this account (its counts are 0 and not shown; the header counts it). */
  unread?: true;
}

/** One auto-tagging notice: who launched what, and who owns it now. */
export interface LaunchHomeFields {
  noticeId: string;
  launcher: string;
  launcherUserId?: string;
  ownerUserId?: string;
  owner: string;
  /** "i-0abc (t3.micro) and 2 more". */
  resources: string;
  region: string;
  notice?: MessageRef;
  /** False for notices without Retag / It's mine (a service notice): the Home offers none either. */
  actions?: false;
}

/** One Health mute set from Slack. */
export interface MuteHomeFields {
  muteId: string;
  scope: string;
  until: string;
  by: string;
}

interface Item<K extends string, F> {
  kind: K;
  /** Unique per kind and account: an event ARN, a stack id, a notice id, a mute id, `report`. */
  key: string;
  account?: HomeAccount;
  /** When the fact happened (event update, alert, report, launch, mute): orders writes and shows an age. */
  at: string;
  fields: F;
}

export type HealthHomeItem = Item<'health', HealthHomeFields>;
export type CatalogHomeItem = Item<'catalog', CatalogHomeFields>;
export type CasesHomeItem = Item<'cases', CasesHomeFields>;
export type LaunchHomeItem = Item<'launch', LaunchHomeFields>;
export type MuteHomeItem = Item<'mute', MuteHomeFields>;
export type HomeItem = HealthHomeItem | CatalogHomeItem | CasesHomeItem | LaunchHomeItem | MuteHomeItem;

/**
 * One partition per kind (`home#health`, `home#catalog`, …), sorted by account and key: the Home reads the kinds in
 * parallel (each paged past 1 MB, no scan, no index), each with its own cap, so a flood of one kind (months of
 * org-wide Health notifications) never pushes another (mutes, launches) out of the read. Items are small (a few
 * hundred bytes) and written only when an alert, report, notice or mute changes.
 */
export const HOME_KINDS = [
  'health',
  'catalog',
  'cases',
  'launch',
  'mute',
] as const satisfies readonly HomeItem['kind'][];
const partitionOf = (kind: HomeItem['kind']) => `home#${kind}`;
const DAY = 24 * 60 * 60;
/** What one record may take before the alert goes on without it. */
export const RECORD_BUDGET_MS = 1000;

const sortKeyOf = (item: Pick<HomeItem, 'account' | 'key'>) => `${item.account?.id ?? '-'}#${item.key}`;

/** How long an item stays: long enough to show, short enough that nothing stale piles up. */
export function homeItemTtlSeconds(item: HomeItem, now: Date): number {
  switch (item.kind) {
    case 'health':
      return item.fields.status === 'closed' ? DAY : 400 * DAY;
    case 'catalog':
      return 7 * DAY;
    case 'cases':
      return 30 * DAY;
    case 'launch':
      return 7 * DAY;
    case 'mute':
      return Math.max(60, Math.ceil((Date.parse(item.fields.until) - now.getTime()) / 1000) + DAY);
  }
}

/** Writes an item unless a newer one of the same kind, account and key is stored (false then). */
export function putHomeItem(store: StateStore, item: HomeItem, now = new Date()): Promise<boolean> {
  return store.putIfNotOlder(partitionOf(item.kind), sortKeyOf(item), item, item.at, {
    ttlSeconds: homeItemTtlSeconds(item, now),
  });
}

export async function removeHomeItem(
  store: StateStore,
  item: Pick<HomeItem, 'kind' | 'account' | 'key'>,
): Promise<void> {
  await store.remove(partitionOf(item.kind), sortKeyOf(item));
}

/** A bound on each kind's read (≈ 1.5 MB): far above what 200 accounts keep open. */
export const MAX_HOME_ITEMS_PER_KIND = 5000;

export interface HomeItemsRead {
  items: HomeItem[];
  /** Items past a kind's cap, by kind (only kinds whose cap was hit). */
  notRead: Partial<Record<HomeItem['kind'], number>>;
}

/** Every live Home item: one (paged) query per kind, in parallel; a kind past its cap is counted and logged. */
export async function readHomeItems(
  store: StateStore,
  options: { maxPerKind?: number } = {},
): Promise<HomeItemsRead> {
  const maxItems = options.maxPerKind ?? MAX_HOME_ITEMS_PER_KIND;
  const read = await Promise.all(
    HOME_KINDS.map(async (kind) => {
      const records = await store.queryAll<HomeItem>(partitionOf(kind), { maxItems });
      const skipped =
        records.length >= maxItems ? (await store.count(partitionOf(kind))) - records.length : 0;
      return { kind, items: records.map((record) => record.data), skipped };
    }),
  );
  const notRead: HomeItemsRead['notRead'] = {};
  for (const { kind, skipped } of read) {
    if (skipped <= 0) continue;
    notRead[kind] = skipped;
    logger.warn('Home items past the read cap not shown', { kind, cap: maxItems, notRead: skipped });
  }
  return { items: read.flatMap((part) => part.items), notRead };
}

/**
 * Runs a Home write for a feature path without ever failing or holding up that path: errors are logged, and after
 * `budgetMs` the path goes on (the write may still land). The Home tab is a view; the alert is what matters.
 */
export async function recordBestEffort(
  what: string,
  write: () => Promise<unknown>,
  budgetMs = RECORD_BUDGET_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  try {
    const result = await Promise.race([
      Promise.resolve()
        .then(write)
        .catch((error: unknown) => {
          logger.warn('Home item not recorded', { what, error });
        }),
      timeout,
    ]);
    if (result === 'timeout') logger.warn('Home item not recorded in time; going on', { what, budgetMs });
  } finally {
    clearTimeout(timer);
  }
}
