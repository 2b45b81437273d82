import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type * as FanOut from '../../src/cases/fan-out-with-retries';
import { serverlessBuildConfig } from '../support/serverless-build-config';

/**
 * The fan-out as it ships: built with serverless.yml's esbuild options (minified CommonJS, p-queue bundled),
 * so an import that only works unbundled (a default export of a CommonJS package) fails here.
 */
describe('the bundled cases fan-out', () => {
  it('gives the slot of a throttled item to the next item and retries it', async () => {
    const outfile = join(resolve('.bench/test-bundle'), 'fan-out-with-retries.js');
    mkdirSync(resolve('.bench/test-bundle'), { recursive: true });
    await build({
      ...serverlessBuildConfig().esbuild,
      entryPoints: ['src/cases/fan-out-with-retries.ts'],
      outfile,
      sourcemap: false,
      logLevel: 'silent',
    });
    const { fanOutWithRetries } = createRequire(import.meta.url)(outfile) as typeof FanOut;
    const calls: string[] = [];
    let throttles = 1;

    const outcomes = await fanOutWithRetries(
      ['a', 'b'],
      {
        concurrency: 1,
        maxAttempts: 3,
        isRetryable: (error) => (error as Error).name === 'ThrottlingException',
        backoffMs: () => 5,
      },
      async (item, n) => {
        calls.push(`${item}${n}`);
        if (item === 'a' && throttles-- > 0)
          throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
        return item;
      },
    );

    expect(calls).toEqual(['a1', 'b1', 'a2']);
    expect(outcomes).toEqual([
      { ok: true, value: 'a' },
      { ok: true, value: 'b' },
    ]);
  }, 60_000);
});
