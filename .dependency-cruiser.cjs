/**
 * The dependency rule (docs/architecture.md), checked by `npm run lint`.
 *
 *   handlers → slack/app, jobs → features → shared adapters (slack/api, aws, store, config, lambda) and blocks
 *
 * A feature folder may import the shared adapters and blocks; only slack/app and jobs import features; features do
 * not import each other; blocks/ imports types only; nothing that ships imports the local dev tools.
 */
const FEATURES = '(autotag|buckets|cases|catalog|health|whoami)';
const ADAPTERS = '^src/(slack/api|aws|store|config|lambda)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-imports-other-feature',
      severity: 'error',
      comment: 'Features do not import each other: move what both need into a shared adapter or blocks/.',
      from: { path: `^src/${FEATURES}/` },
      to: { path: `^src/${FEATURES}/`, pathNot: '^src/$1/' },
    },
    {
      name: 'feature-imports-entry',
      severity: 'error',
      comment: 'A feature is called by slack/app and jobs, never the other way: pass what it needs in.',
      from: { path: `^src/${FEATURES}/` },
      to: { path: '^(src/(slack/app|jobs)|handlers)/' },
    },
    {
      name: 'adapter-imports-feature',
      severity: 'error',
      comment:
        'Shared adapters know no feature. Only config/schema.ts composes the features’ config schemas (each feature’s config-schema.ts).',
      from: { path: ADAPTERS, pathNot: '^src/config/schema\\.ts$' },
      to: { path: `^src/(${FEATURES.slice(1, -1)}|slack/app|jobs)/|^handlers/` },
    },
    {
      name: 'config-schema-only',
      severity: 'error',
      comment: 'config/schema.ts may import a feature’s config-schema.ts and nothing else of it.',
      from: { path: '^src/config/schema\\.ts$' },
      to: { path: `^src/${FEATURES}/`, pathNot: `^src/${FEATURES}/config-schema\\.ts$` },
    },
    {
      name: 'slack-api-imports-app',
      severity: 'error',
      comment: 'Outbound Slack (slack/api) is below the Bolt app (slack/app).',
      from: { path: '^src/slack/api/' },
      to: { path: '^src/slack/app/' },
    },
    {
      name: 'jobs-imports-slack-app',
      severity: 'error',
      comment: 'The worker side does not load the Bolt app.',
      from: { path: '^src/jobs/' },
      to: { path: '^src/slack/app/' },
    },
    {
      name: 'blocks-imports-src-value',
      severity: 'error',
      comment: 'Block Kit builders are pure: they import types from src/, never values (pass data in).',
      from: { path: '^blocks/' },
      to: { path: '^(src|handlers)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shipping-code-imports-local',
      severity: 'error',
      comment: 'src/local/ is the dev server and its stand-ins: nothing deployed may load it.',
      from: { path: '^(src|blocks|handlers)/', pathNot: '^src/(local|bundle)/' },
      to: { path: '^src/local/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.cjs', '.js', '.json'] },
  },
};
