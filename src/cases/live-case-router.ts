import type { AccountDirectory } from '../aws/account-directory';
import { ConfigError } from '../config/config-error';
import type { CasesLiveConfig } from './config-schema';

/**
 * Which channels hear about a case: every route whose accounts and severities match adds its channels; none:
 * `cases.live.channel` (or the default channel). Account names are resolved once, so a typo stops start-up.
 */
export function liveCaseRouter(
  live: CasesLiveConfig,
  fallbackChannel: string,
  accounts: Pick<AccountDirectory, 'tryResolve'>,
): (subject: { accountId: string; severity: string }) => string[] {
  const problems: string[] = [];
  const routes = live.routes.map((route, i) => {
    const ids = route.accounts?.map((entry, j) => {
      const choice = accounts.tryResolve(entry);
      if (!choice.ok) problems.push(`cases.live.routes[${i}].accounts[${j}]: ${choice.problem}`);
      return choice.ok ? choice.account.id : '';
    });
    return { ...route, accountIds: ids ? new Set(ids) : undefined };
  });
  if (problems.length > 0) throw new ConfigError('Invalid cases.live routing', problems);
  const defaults = [live.channel ?? fallbackChannel];
  return ({ accountId, severity }) => {
    const matched = routes.filter(
      (route) =>
        (route.accountIds === undefined || route.accountIds.has(accountId)) &&
        (route.severities === undefined || (route.severities as readonly string[]).includes(severity)),
    );
    return matched.length === 0 ? defaults : [...new Set(matched.flatMap((route) => route.channels))];
  };
}
