import Module from 'node:module';
import { resolve } from 'node:path';

/**
 * Under `node --import tsx` (CommonJS) vega's `vega-canvas` cannot load: it has a top-level await. Bundles alias
 * it to `src/bundle/vega-canvas-stub.ts` (serverless.yml) and vitest loads ES modules natively; scripts run with
 * tsx (the benchmarks) import this file first to get the same stub.
 */
const stub = resolve(__dirname, '../../src/bundle/vega-canvas-stub.ts');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return original.call(this, request === 'vega-canvas' ? stub : request, ...rest);
};
