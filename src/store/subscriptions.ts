import * as z from 'zod';
import { globMatches } from '../config/glob-pattern';
import type { StateStore } from './state-store';

const accountId = z.string().regex(/^\d{12}$/, 'an account is 12 digits (or a name the bot knows)');
const inAccount = accountId.optional();

/** What a person subscribes to: an account, or a service / category / event-type glob (anywhere or in one account). */
export const subscriptionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), accountId }),
  z.object({ kind: z.literal('service'), service: z.string().trim().min(1).max(100), accountId: inAccount }),
  z.object({
    kind: z.literal('category'),
    category: z.string().trim().min(1).max(100),
    accountId: inAccount,
  }),
  z.object({
    kind: z.literal('eventType'),
    pattern: z.string().trim().min(1).max(200),
    accountId: inAccount,
  }),
]);
export type SubscriptionTarget = z.infer<typeof subscriptionTargetSchema>;
export type SubscriptionKind = SubscriptionTarget['kind'];

/** Where a subscription was made (for the audit and the Home tab). */
export type SubscriptionSource = 'alert' | 'home' | 'command';

export interface Subscription {
  /** Stable per user and target: the Remove button's value, and why a second subscribe changes nothing. */
  id: string;
  userId: string;
  target: SubscriptionTarget;
  via: SubscriptionSource;
  at: string;
}

/** What a delivery is about. A catalog failure has only its account: only account subscriptions match it. */
export interface SubscriptionSubject {
  accountId: string;
  service?: string;
  category?: string;
  eventTypeCode?: string;
}

/**
 * Subscriptions one person may hold: keeps their Home section and each delivery's lookup small. A soft cap (the
 * count is read, then the subscription created): two concurrent adds at 24 may make 26, which bounds nothing that
 * matters, so no per-user counter is kept for it (docs/commands.md says so).
 */
export const MAX_SUBSCRIPTIONS_PER_USER = 25;
/** Subscriptions read per delivery at most (one partition; ~200 bytes each, so a few 1 MB pages). */
export const MAX_SUBSCRIPTIONS = 10_000;
/**
 * Subscriber DMs sent (or brought up to date) per delivery at most: an organisation-wide event matching many
 * subscriptions cannot hold the delivery (and the channel alerts of the next one) for minutes. The cut is logged;
 * a Health event's DMs left out are served first on its next delivery (health/deliver-to-subscribers.ts).
 */
export const MAX_DIRECT_MESSAGES_PER_DELIVERY = 50;
/** How long a container reuses the partition it read: a new subscription counts within this. */
export const SUBSCRIPTION_CACHE_MS = 5_000;

/**
 * All subscriptions live in one partition, sort key `<user>#<id>`: a person's list is one prefix query, and a
 * delivery reads the whole partition once (cached for a few seconds per container) and matches in memory, so a
 * burst of Health events costs one query per container, never a scan of the table.
 */
const PARTITION = 'subscriptions';

export function subscriptionId(target: SubscriptionTarget): string {
  const value =
    target.kind === 'account'
      ? ''
      : target.kind === 'service'
        ? target.service
        : target.kind === 'category'
          ? target.category
          : target.pattern;
  return `${target.kind}#${target.accountId ?? '*'}#${value.toLowerCase()}`;
}

export function subscriptionMatches(target: SubscriptionTarget, subject: SubscriptionSubject): boolean {
  if (target.accountId !== undefined && target.accountId !== subject.accountId) return false;
  switch (target.kind) {
    case 'account':
      return true;
    case 'service':
      return subject.service?.toLowerCase() === target.service.toLowerCase();
    case 'category':
      return subject.category?.toLowerCase() === target.category.toLowerCase();
    case 'eventType':
      return subject.eventTypeCode !== undefined && globMatches(target.pattern, subject.eventTypeCode);
  }
}

export type AddResult = 'added' | 'exists' | 'full';
/** What a subscribe comes to: the store's answer, or `refused` (not in `health.subscribeAllowed`). */
export type SubscribeResult = AddResult | 'refused';

export class SubscriptionStore {
  private cache: { at: number; all: Subscription[] } | undefined;

  constructor(
    private readonly store: StateStore,
    private readonly options: { cacheMs?: number; now?: () => Date } = {},
  ) {}

  /** Idempotent: the same target twice is `exists` (a conditional write, so concurrent clicks add one). */
  async add(userId: string, target: SubscriptionTarget, via: SubscriptionSource): Promise<AddResult> {
    const id = subscriptionId(target);
    const mine = await this.listForUser(userId);
    if (mine.some((s) => s.id === id)) return 'exists';
    if (mine.length >= MAX_SUBSCRIPTIONS_PER_USER) return 'full';
    const subscription: Subscription = { id, userId, target, via, at: this.now().toISOString() };
    const created = await this.store.create(PARTITION, `${userId}#${id}`, subscription);
    this.cache = undefined;
    return created ? 'added' : 'exists';
  }

  /** The removed subscription; undefined when the person had none with that id (removing twice is harmless). */
  async remove(userId: string, id: string): Promise<Subscription | undefined> {
    const record = await this.store.get<Subscription>(PARTITION, `${userId}#${id}`);
    if (!record) return undefined;
    await this.store.remove(PARTITION, `${userId}#${id}`);
    this.cache = undefined;
    return record.data;
  }

  /** A person's subscriptions, oldest first. */
  async listForUser(userId: string): Promise<Subscription[]> {
    const records = await this.store.queryAll<Subscription>(PARTITION, {
      prefix: `${userId}#`,
      maxItems: MAX_SUBSCRIPTIONS_PER_USER * 2,
    });
    return records.map((r) => r.data).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The people whose subscriptions match, each once, in a stable order. */
  async subscribersFor(subject: SubscriptionSubject): Promise<string[]> {
    const all = await this.all();
    const users = all.filter((s) => subscriptionMatches(s.target, subject)).map((s) => s.userId);
    return [...new Set(users)].sort();
  }

  private async all(): Promise<Subscription[]> {
    const nowMs = this.now().getTime();
    if (this.cache && nowMs - this.cache.at < (this.options.cacheMs ?? SUBSCRIPTION_CACHE_MS)) {
      return this.cache.all;
    }
    const records = await this.store.queryAll<Subscription>(PARTITION, { maxItems: MAX_SUBSCRIPTIONS });
    const all = records.flatMap((r) => {
      const target = subscriptionTargetSchema.safeParse(r.data?.target);
      return target.success && typeof r.data.userId === 'string' ? [{ ...r.data, target: target.data }] : [];
    });
    this.cache = { at: nowMs, all };
    return all;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** A subscription as people see it: with the configured name of its account, when it names one. */
export interface NamedSubscription {
  id: string;
  target: SubscriptionTarget;
  accountName?: string;
}

/** Names from config only (no Organizations look-up: the Home tab and listeners make no AWS call). */
export function namedSubscription(
  accounts: readonly { id: string; name?: string }[],
  id: string,
  target: SubscriptionTarget,
): NamedSubscription {
  const name = target.accountId && accounts.find((a) => a.id === target.accountId)?.name;
  return { id, target, ...(name ? { accountName: name } : {}) };
}

/** The person's subscriptions as the Home tab and `/aws-health subscriptions` show them (one query of their own). */
export async function subscriptionLines(
  subscriptions: SubscriptionStore,
  accounts: readonly { id: string; name?: string }[],
  userId: string,
): Promise<NamedSubscription[]> {
  const mine = await subscriptions.listForUser(userId);
  return mine.map(({ id, target }) => namedSubscription(accounts, id, target));
}
