import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { serverlessBuildConfig } from './serverless-build-config';

/** The bundles of one test file, built into a directory of their own (test files run in parallel). */
export interface BuiltBundles {
  dir: string;
  /** The bundle file of each function built, by its serverless.yml name. */
  files: Record<string, string>;
  /** Milliseconds esbuild took for them all. */
  buildMs: number;
}

/**
 * Builds the named functions exactly as serverless.yml has serverless-esbuild build them (its `custom.esbuild`
 * options and handler entries), inside the project so the excluded native module (resvg) resolves from
 * node_modules as it does from the package.
 */
export async function buildFunctions(label: string, names: string[]): Promise<BuiltBundles> {
  const { functions, esbuild } = serverlessBuildConfig();
  const dir = resolve('.bench/bundles', label);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const files: Record<string, string> = {};
  await Promise.all(
    names.map(async (name) => {
      const fn = functions.find((candidate) => candidate.name === name);
      if (!fn) throw new Error(`serverless.yml has no function ${name}`);
      const outfile = join(dir, `${name}.js`);
      await build({ ...esbuild, entryPoints: [fn.entry], outfile, logLevel: 'silent' });
      files[name] = outfile;
    }),
  );
  return { dir, files, buildMs: performance.now() - started };
}

/** The config file as the package carries it: converted to JSON at package time (the bundles read JSON only). */
export function configAsPackaged(yamlPath: string, dir: string): string {
  const target = join(dir, 'chatops.config.json');
  writeFileSync(target, JSON.stringify(parse(readFileSync(yamlPath, 'utf8'))));
  return target;
}

/**
 * Loads a bundle as a fresh Lambda container would: the environment set first (bundles read it at load), then
 * the file required anew, so module-scope state (config, clients, caches) starts empty.
 */
export function loadBundle<T>(file: string, env: Record<string, string>): T {
  Object.assign(process.env, env);
  const requireBundle = createRequire(file);
  delete requireBundle.cache[file];
  return requireBundle(file) as T;
}
