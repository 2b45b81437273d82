import type { AccountDirectory } from '../aws/account-directory';
import { type GroupMembers, isAllowListed } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import { readHomeItems } from '../store/home-items';
import type { StateStore } from '../store/state-store';
import { SubscriptionStore, subscriptionLines } from '../store/subscriptions';
import { type HomeModel, homeModel } from './home-model';

export interface HomeLoaderDeps {
  store: StateStore;
  config: Pick<AppConfig, 'slack'>;
  /** Names of configured accounts, for the subscriptions (no Organizations look-up). */
  accounts: Pick<AccountDirectory, 'configured'>;
  groupMembers: GroupMembers;
  /** Whether this person may lift Health mutes (the Health feature's allow-list, passed in by the listener). */
  mayUnmute: (userId: string) => Promise<boolean>;
  now: () => Date;
}

const AUDITS_SHOWN = 10;

/**
 * Everything one person's Home shows, from the state table alone (no AWS call): the Home items in one query and
 * the person's subscriptions in another, at once; for admins the last audit records in a third.
 */
export async function loadHome(userId: string, deps: HomeLoaderDeps): Promise<HomeModel> {
  const [{ items, notRead }, subscriptions, admin, mayUnmute] = await Promise.all([
    readHomeItems(deps.store),
    subscriptionLines(new SubscriptionStore(deps.store), deps.accounts.configured, userId),
    isAllowListed(userId, [deps.config.slack.admins], deps.groupMembers),
    deps.mayUnmute(userId),
  ]);
  const audits = admin ? await deps.store.recentAudits(AUDITS_SHOWN) : undefined;
  return homeModel({
    userId,
    items,
    subscriptions,
    now: deps.now(),
    mayUnmute,
    notRead: Object.values(notRead).reduce((sum, count) => sum + count, 0),
    ...(audits ? { audits } : {}),
  });
}
