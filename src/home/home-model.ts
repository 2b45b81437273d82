import type { SubscriptionLine } from '../../blocks/home-subscriptions';
import type {
  CasesHomeItem,
  CatalogHomeItem,
  HealthHomeItem,
  HomeAccount,
  HomeItem,
  LaunchHomeItem,
  MuteHomeItem,
} from '../store/home-items';
import type { AuditEntry } from '../store/state-store';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Catalog failures count for this long (the header's "last 7 days"). */
export const CATALOG_WINDOW_MS = 7 * DAY_MS;
export const LAUNCH_WINDOW_MS = DAY_MS;

/** One account with something open, its parts worst first. */
export interface AccountState {
  account: HomeAccount;
  health: HealthHomeItem[];
  catalog: CatalogHomeItem[];
  cases?: CasesHomeItem;
}

export interface HomeHeader {
  /** Distinct events (an event of several accounts counts once). */
  health: { openIssues: number; open: number; upcoming: number };
  catalogFailures: number;
  /** From the newest case report (absent: no report yet). */
  cases?: { open: number; reportedAt: string; window: string; accountsNotRead: number };
  launches: number;
}

/** What one person's Home shows, computed from the Home items alone. */
export interface HomeModel {
  userId: string;
  now: string;
  header: HomeHeader;
  /** Every account with something open, worst first (the view shows the first ones and counts the rest). */
  accounts: AccountState[];
  /** Launches whose notice names this person as launcher or owner, newest first. */
  yourLaunches: LaunchHomeItem[];
  /** The person's Health subscriptions (issue 14 part 2), oldest first. */
  subscriptions: SubscriptionLine[];
  mutes: MuteHomeItem[];
  mayUnmute: boolean;
  /** Items past the per-kind read cap (0: everything was read). */
  notRead: number;
  /** Admins only. */
  audits?: (AuditEntry & { at: string })[];
}

/** Worse first: an open issue, then anything else open, then upcoming. */
export function healthSeverity(item: HealthHomeItem): number {
  const { status, category } = item.fields;
  if (status === 'closed') return 0;
  if (status === 'upcoming') return 1;
  return category === 'issue' ? 3 : 2;
}

function accountWeight(state: AccountState): number[] {
  const bySeverity = (level: number) => state.health.filter((item) => healthSeverity(item) === level).length;
  return [bySeverity(3), state.catalog.length, bySeverity(2), state.cases?.fields.open ?? 0, bySeverity(1)];
}

function compareWeights(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

const newestFirst = (a: { at: string }, b: { at: string }) => b.at.localeCompare(a.at);

export interface HomeModelInput {
  userId: string;
  items: readonly HomeItem[];
  subscriptions?: readonly SubscriptionLine[];
  now: Date;
  mayUnmute: boolean;
  notRead?: number;
  audits?: (AuditEntry & { at: string })[];
}

/** Sorts the items into the Home's parts. Pure: the loader reads, this decides, the builder lays out. */
export function homeModel(input: HomeModelInput): HomeModel {
  const now = input.now.getTime();
  const accounts = new Map<string, AccountState>();
  const stateOf = (account: HomeAccount) => {
    const known = accounts.get(account.id);
    if (known) {
      if (!known.account.name && account.name) known.account = account;
      return known;
    }
    const fresh: AccountState = { account, health: [], catalog: [] };
    accounts.set(account.id, fresh);
    return fresh;
  };
  const events = { openIssues: new Set<string>(), open: new Set<string>(), upcoming: new Set<string>() };
  let catalogFailures = 0;
  let launches = 0;
  let newestReport: string | undefined;
  const yourLaunches: LaunchHomeItem[] = [];
  const mutes: MuteHomeItem[] = [];
  for (const item of input.items) {
    switch (item.kind) {
      case 'health': {
        const severity = healthSeverity(item);
        if (severity === 0 || !item.account) break;
        stateOf(item.account).health.push(item);
        const bucket = severity === 3 ? events.openIssues : severity === 2 ? events.open : events.upcoming;
        bucket.add(item.fields.eventArn);
        break;
      }
      case 'catalog':
        if (!item.account || now - Date.parse(item.at) > CATALOG_WINDOW_MS) break;
        stateOf(item.account).catalog.push(item);
        catalogFailures += 1;
        break;
      case 'cases':
        if (!item.account) break;
        if (!newestReport || item.at > newestReport) newestReport = item.at;
        if (item.fields.open > 0) stateOf(item.account).cases = item;
        break;
      case 'launch':
        if (now - Date.parse(item.at) <= LAUNCH_WINDOW_MS) launches += 1;
        if (item.fields.launcherUserId === input.userId || item.fields.ownerUserId === input.userId)
          yourLaunches.push(item);
        break;
      case 'mute':
        if (Date.parse(item.fields.until) > now) mutes.push(item);
        break;
    }
  }
  const reportCases = newestReport
    ? input.items.filter((item): item is CasesHomeItem => item.kind === 'cases' && item.at === newestReport)
    : [];
  for (const state of accounts.values()) {
    state.health.sort((a, b) => healthSeverity(b) - healthSeverity(a) || newestFirst(a, b));
    state.catalog.sort(newestFirst);
    // An account's count from an older report than the newest is stale: only the newest report counts.
    if (state.cases && state.cases.at !== newestReport) delete state.cases;
  }
  const ranked = [...accounts.values()]
    .filter((state) => state.health.length > 0 || state.catalog.length > 0 || state.cases)
    .sort(
      (a, b) =>
        compareWeights(accountWeight(a), accountWeight(b)) || a.account.id.localeCompare(b.account.id),
    );
  return {
    userId: input.userId,
    now: input.now.toISOString(),
    header: {
      health: {
        openIssues: events.openIssues.size,
        open: [...events.open].filter((arn) => !events.openIssues.has(arn)).length,
        upcoming: [...events.upcoming].filter((arn) => !events.openIssues.has(arn) && !events.open.has(arn))
          .length,
      },
      catalogFailures,
      ...(newestReport
        ? {
            cases: {
              open: reportCases.reduce((sum, item) => sum + item.fields.open, 0),
              reportedAt: newestReport,
              window: reportCases[0]?.fields.window ?? '',
              accountsNotRead: reportCases.filter((item) => item.fields.unread).length,
            },
          }
        : {}),
      launches,
    },
    accounts: ranked,
    yourLaunches: yourLaunches.sort(newestFirst),
    subscriptions: [...(input.subscriptions ?? [])],
    mutes: mutes.sort((a, b) => a.fields.until.localeCompare(b.fields.until)),
    mayUnmute: input.mayUnmute,
    notRead: input.notRead ?? 0,
    ...(input.audits ? { audits: input.audits } : {}),
  };
}
