/**
 * The dependency rule (docs/architecture.md), checked by `npm run lint`.
 *
 *   handlers → slack/app, jobs → features → shared adapters (slack/api, aws, store, config, lambda) and blocks
 *
 * A feature folder (any folder of src/ but the shared ones) may import the shared adapters and blocks; only
 * slack/app, jobs and handlers import features; features do not import each other; blocks/ imports types only and
 * does no I/O; nothing that ships imports the local dev tools or test code.
 */
/** Everything under src/ that is not a feature; any other folder of src/ is a feature room. */
const SHARED = '(?:slack|jobs|aws|store|config|lambda|local|bundle)';
/** A feature folder; group 1 is its name. */
const FEATURE = `^src/(?!${SHARED}/)([^/]+)/`;
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
      from: { path: FEATURE },
      to: { path: FEATURE, pathNot: '^src/$1/' },
    },
    {
      name: 'feature-imports-outside-its-allowed-rooms',
      severity: 'error',
      comment:
        'A feature imports only its own room, the shared adapters (slack/api, aws, store, config, lambda) and blocks/: never slack/app, jobs, handlers, src/local, src/bundle or test code.',
      from: { path: FEATURE },
      to: {
        path: '^(src|blocks|handlers|test)/',
        pathNot: [FEATURE, `^src/$1/`, ADAPTERS, '^blocks/'],
      },
    },
    {
      name: 'adapter-imports-feature',
      severity: 'error',
      comment:
        'Shared adapters know no feature. Only config/schema.ts composes the features’ config schemas (each feature’s config-schema.ts).',
      from: { path: ADAPTERS, pathNot: '^src/config/schema\\.ts$' },
      to: { path: [FEATURE, '^src/(slack/app|jobs)/', '^handlers/'] },
    },
    {
      name: 'config-schema-only',
      severity: 'error',
      comment: 'config/schema.ts may import a feature’s config-schema.ts and nothing else of it.',
      from: { path: '^src/config/schema\\.ts$' },
      to: { path: FEATURE, pathNot: `${FEATURE}config-schema\\.ts$` },
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
      name: 'blocks-imports-package',
      severity: 'error',
      comment:
        'Block Kit builders are pure: no package but types from @slack/types (no AWS or Slack client, no I/O).',
      from: { path: '^blocks/' },
      to: { path: 'node_modules/(?!@slack/types/)' },
    },
    {
      name: 'blocks-imports-core-module',
      severity: 'error',
      comment: 'Block Kit builders do no I/O: no Node built-in.',
      from: { path: '^blocks/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shipping-code-imports-test',
      severity: 'error',
      comment: 'Nothing deployed may load test code (fakes and stand-ins live in test/support/).',
      from: { path: '^(src|blocks|handlers)/' },
      to: { path: '^test/' },
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
