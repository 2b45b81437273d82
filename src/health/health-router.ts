import type { AccountDirectory } from '../aws/account-directory';
import { ConfigError } from '../config/config-error';
import { globMatches } from '../config/glob-pattern';
import type { HealthConfig, HealthMatch } from './config-schema';
import type { HealthStatus } from './health-delivery';

/** The facts of one event for one account that rules look at. */
export interface RouteSubject {
  category: string;
  service: string;
  eventTypeCode: string;
  accountId: string;
  region: string;
  status: HealthStatus;
}

export interface RouteDecision {
  channels: string[];
  /** Channels of digest routes: the event waits there for the route's digest instead of an alert. */
  digests?: { channel: string; digest: string }[];
  /** Why, for the log: `routes[0] prod-issues, routes[2]`, `default`, `muted by mute[1]`, … */
  reason: string;
  /**
   * A mute (config or Slack) covers the delivery: it goes to no one new, subscribers included, and alerts already
   * posted are edited quietly, with no thread reply.
   */
  muted?: boolean;
  /** Slack users whose subscriptions match: each gets the alert in their DM with the bot. */
  subscribers?: string[];
  /**
   * The subscriptions were read for this delivery, so `subscribers` is everyone who matches now: a DM of the event
   * whose person is not among them (they unsubscribed) is no longer brought up to date. Absent (not read, muted,
   * the read failed): every DM the event already has is kept up to date.
   */
  subscriptionsRead?: true;
}

type ResolvedMatch = Omit<HealthMatch, 'accounts'> & { accountIds?: Set<string> };

function resolveAccounts(match: HealthMatch, accounts: AccountDirectory, path: string): ResolvedMatch {
  if (!match.accounts) return match;
  const accountIds = new Set<string>();
  const problems: string[] = [];
  match.accounts.forEach((entry, index) => {
    const choice = accounts.tryResolve(entry);
    if (choice.ok) accountIds.add(choice.account.id);
    else problems.push(`${path}.accounts[${index}]: ${choice.problem}`);
  });
  if (problems.length > 0) throw new ConfigError('Invalid health routing', problems);
  return { ...match, accountIds };
}

function matches(match: ResolvedMatch, subject: RouteSubject): boolean {
  return (
    (match.categories === undefined || (match.categories as readonly string[]).includes(subject.category)) &&
    anyGlobMatches(match.services, subject.service) &&
    anyGlobMatches(match.eventTypes, subject.eventTypeCode) &&
    !(match.excludeEventTypes ?? []).some((p) => anyGlobMatches([p], subject.eventTypeCode)) &&
    (match.accountIds === undefined || match.accountIds.has(subject.accountId)) &&
    anyGlobMatches(match.regions, subject.region) &&
    (match.statuses === undefined || match.statuses.includes(subject.status))
  );
}

function anyGlobMatches(patterns: readonly string[] | undefined, value: string): boolean {
  return patterns === undefined || patterns.some((pattern) => globMatches(pattern, value));
}

const label = (kind: string, index: number, name: string | undefined) =>
  `${kind}[${index}]${name ? ` ${name}` : ''}`;

/**
 * Decides the channels of an event from the config: mutes first (a matching mute sends nowhere), then every
 * matching route adds its channels, and when none matches the default channels. Built once per container;
 * account names in rules are resolved here, so a typo stops start-up with the rule named.
 */
export class HealthRouter {
  private readonly routes: (ResolvedMatch & { channels: string[]; mention?: string; digest?: string })[];
  private readonly mutes: (ResolvedMatch & { until?: string })[];
  private readonly defaults: string[];

  constructor(config: HealthConfig, fallbackChannel: string, accounts: AccountDirectory) {
    this.routes = config.routes.map((route, i) => ({
      ...resolveAccounts(route, accounts, `health.routes[${i}]`),
      channels: route.channels,
      ...(route.mention ? { mention: route.mention } : {}),
      ...(route.digest ? { digest: route.digest } : {}),
    }));
    this.mutes = config.mute.map((mute, i) => resolveAccounts(mute, accounts, `health.mute[${i}]`));
    this.defaults = config.defaultChannels ?? [fallbackChannel];
  }

  /** Who the routes that send `subject` to `channel` say to mention (reminders of scheduled changes). */
  mentionsFor(subject: RouteSubject, channel: string): string[] {
    const mentions = this.routes
      .filter((route) => route.mention && route.channels.includes(channel) && matches(route, subject))
      .map((route) => route.mention as string);
    return [...new Set(mentions)];
  }

  route(subject: RouteSubject, now: Date): RouteDecision {
    const muteIndex = this.mutes.findIndex(
      (mute) =>
        (mute.until === undefined || Date.parse(mute.until) > now.getTime()) && matches(mute, subject),
    );
    const mute = this.mutes[muteIndex];
    if (mute)
      return { channels: [], muted: true, reason: `muted by ${label('health.mute', muteIndex, mute.name)}` };
    const matched = this.routes
      .map((route, index) => ({ route, index }))
      .filter(({ route }) => matches(route, subject));
    if (matched.length === 0) {
      return {
        channels: [...this.defaults],
        reason:
          this.defaults.length > 0
            ? 'no route matched: default channels'
            : 'no route matched and no default channel',
      };
    }
    const alerts = matched.filter(({ route }) => !route.digest);
    const digests = matched.flatMap(({ route }) =>
      route.digest ? route.channels.map((channel) => ({ channel, digest: route.digest as string })) : [],
    );
    return {
      channels: [...new Set(alerts.flatMap(({ route }) => route.channels))],
      ...(digests.length > 0 ? { digests } : {}),
      reason: matched.map(({ route, index }) => label('health.routes', index, route.name)).join(', '),
    };
  }
}
