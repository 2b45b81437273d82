import type { AccountDirectory } from '../aws/account-directory';
import { ConfigError } from '../config/config-error';
import { globMatches } from '../config/glob-pattern';
import type { CatalogRoute } from './config-schema';

/** Where one alert goes and whom it notifies. */
export interface AlertRoute {
  channel: string;
  mention?: string;
}

/** A route with account names resolved to ids, checked once at start-up. */
export interface CompiledRoute extends AlertRoute {
  accountIds: ReadonlySet<string> | undefined;
  /** Globs (`Network*`), matched against the product id and name. */
  products: readonly string[] | undefined;
}

/** What routing looks at; product fields are absent when Service Catalog could not be read. */
export interface RoutingSubject {
  accountId: string;
  productId: string | undefined;
  productName: string | undefined;
}

/** Resolves account names in `catalog.routes`; an unknown name stops start-up with the field named. */
export function compileRoutes(routes: readonly CatalogRoute[], accounts: AccountDirectory): CompiledRoute[] {
  const problems: string[] = [];
  const compiled = routes.map((route, index): CompiledRoute => {
    const accountIds = route.accounts?.flatMap((input, i) => {
      const choice = accounts.tryResolve(input);
      if (choice.ok) return [choice.account.id];
      problems.push(`catalog.routes[${index}].accounts[${i}]: ${choice.problem}`);
      return [];
    });
    return {
      channel: route.channel,
      ...(route.mention ? { mention: route.mention } : {}),
      accountIds: accountIds ? new Set(accountIds) : undefined,
      products: route.products,
    };
  });
  if (problems.length > 0) throw new ConfigError('Invalid catalog routes', problems);
  return compiled;
}

/** The first route whose every list matches; `fallback` when none does. */
export function routeFor(
  routes: readonly CompiledRoute[],
  fallback: AlertRoute,
  subject: RoutingSubject,
): AlertRoute {
  const match = routes.find(
    (route) =>
      (route.accountIds === undefined || route.accountIds.has(subject.accountId)) &&
      (route.products === undefined ||
        route.products.some(
          (pattern) =>
            (subject.productId !== undefined && globMatches(pattern, subject.productId)) ||
            (subject.productName !== undefined && globMatches(pattern, subject.productName)),
        )),
  );
  if (!match) return fallback;
  return { channel: match.channel, ...(match.mention ? { mention: match.mention } : {}) };
}
