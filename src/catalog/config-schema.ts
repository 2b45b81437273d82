import * as z from 'zod';
import { unknownAccountProblem } from '../aws/unknown-account';
import { slackChannel } from '../config/schema-parts';

/** Every stack status CloudFormation reports; a typo in `failureStatuses` is caught at start-up. */
export const STACK_STATUSES = [
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED',
  'CREATE_COMPLETE',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'REVIEW_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
] as const;

/** Stack statuses that end a failed operation: each one reached by a stack is one alert. */
export const DEFAULT_FAILURE_STATUSES: (typeof STACK_STATUSES)[number][] = [
  'CREATE_FAILED',
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_FAILED',
  'DELETE_FAILED',
  'IMPORT_ROLLBACK_FAILED',
];

const mention = z.string().regex(/^[UWS][A-Z0-9]{6,}$/, {
  message: 'must be a Slack user id (U0123ABCD) or user group id (S0123ABCD)',
});

/** First matching route wins; a route with both lists needs both to match. */
const routeSchema = z
  .object({
    /** Account ids or configured account names. */
    accounts: z.array(z.string().min(1)).min(1).optional(),
    /** Product names (`*` matches any run of characters, case-insensitive) or product ids (`prod-…`). */
    products: z.array(z.string().min(1)).min(1).optional(),
    channel: slackChannel,
    /** Who to notify in the alert: a user or a user group. */
    mention: mention.optional(),
  })
  .strict()
  .refine((route) => route.accounts !== undefined || route.products !== undefined, {
    message: 'a route needs `accounts`, `products` or both',
  });

export const catalogConfigSchema = z
  .object({
    /** Where alerts go when no route matches; default `slack.defaultChannel`. */
    channel: slackChannel.optional(),
    failureStatuses: z.array(z.enum(STACK_STATUSES)).min(1).default(DEFAULT_FAILURE_STATUSES),
    routes: z.array(routeSchema).default([]),
    /** Failures of stacks not named `SC-<account>-pp-<id>` (EventBridge delivers every stack) still alert. */
    alertNonCatalogStacks: z.boolean().default(true),
  })
  .strict();

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
export type CatalogRoute = CatalogConfig['routes'][number];

export const DEFAULT_CATALOG_CONFIG: CatalogConfig = {
  failureStatuses: DEFAULT_FAILURE_STATUSES,
  routes: [],
  alertNonCatalogStacks: true,
};

/**
 * Route accounts given by name must be in `accounts` (ids need not be). Checked when the config is loaded, so
 * `serverless package` stops on a typo instead of the catalog function failing at every start in Lambda.
 */
export function checkCatalogRouteAccounts(
  config: { accounts: readonly { id: string; name: string }[]; catalog: CatalogConfig },
  ctx: { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void },
): void {
  const known = new Set(config.accounts.flatMap((account) => [account.id, account.name.toLowerCase()]));
  config.catalog.routes.forEach((route, index) => {
    route.accounts?.forEach((input, i) => {
      const key = input.trim();
      if (/^\d{12}$/.test(key) || known.has(key) || known.has(key.toLowerCase())) return;
      ctx.addIssue({
        code: 'custom',
        path: ['catalog', 'routes', index, 'accounts', i],
        message: unknownAccountProblem(
          key,
          config.accounts.map((account) => account.name),
        ),
      });
    });
  });
}
