import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'sources',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/bundles/**'],
        },
      },
      {
        // The functions as deployed: built once (serverless.yml's esbuild options) when a bundle test runs.
        extends: true,
        test: {
          name: 'bundles',
          include: ['test/bundles/**/*.test.ts'],
          globalSetup: ['test/bundles/build-all-bundles.ts'],
        },
      },
    ],
  },
});
