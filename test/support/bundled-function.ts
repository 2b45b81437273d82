import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { serverlessBuildConfig } from './serverless-build-config';

/** Bundles built into one directory. */
export interface BuiltBundles {
  dir: string;
  /** The bundle file of each function built, by its serverless.yml name. */
  files: Record<string, string>;
  /** Milliseconds esbuild took for them all. */
  buildMs: number;
}

/**
 * Builds functions (all of serverless.yml's by default) exactly as serverless-esbuild builds them: its
 * `custom.esbuild` options and handler entries, one esbuild call for all (shared parsing; each output is the same
 * as built alone). Inside the project, so the excluded native module (resvg) resolves from node_modules as it
 * does from the package.
 */
export async function buildFunctions(label: string, names?: string[]): Promise<BuiltBundles> {
  const { functions, esbuild } = serverlessBuildConfig();
  const chosen = names ? functions.filter((fn) => names.includes(fn.name)) : functions;
  const dir = resolve('.bench/bundles', label);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  await build({
    ...esbuild,
    entryPoints: chosen.map((fn) => ({ in: fn.entry, out: fn.name })),
    outdir: dir,
    logLevel: 'silent',
  });
  const files = Object.fromEntries(chosen.map((fn) => [fn.name, join(dir, `${fn.name}.js`)]));
  return { dir, files, buildMs: performance.now() - started };
}

/** The config file as the package carries it: converted to JSON at package time (the bundles read JSON only). */
export function configAsPackaged(yamlPath: string, dir: string): string {
  const target = join(dir, `${basename(dirname(yamlPath))}-${basename(yamlPath, extname(yamlPath))}.json`);
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
