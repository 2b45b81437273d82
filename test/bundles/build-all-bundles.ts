import type { TestProject } from 'vitest/node';
import { type BuiltBundles, buildFunctions } from '../support/bundled-function';

declare module 'vitest' {
  export interface ProvidedContext {
    bundles: BuiltBundles;
  }
}

/**
 * Global setup of the `bundles` test project: every function of serverless.yml built once, as deployed, before
 * the bundle tests run (they load the files with `inject('bundles')`). Runs only when a bundle test is in the run.
 */
export default async function buildAllBundles(project: TestProject): Promise<void> {
  const built = await buildFunctions('all');
  console.log(
    `bundles: ${Object.keys(built.files).length} functions built in ${(built.buildMs / 1000).toFixed(1)} s`,
  );
  project.provide('bundles', built);
}
