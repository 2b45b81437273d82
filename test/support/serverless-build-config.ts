import { readFileSync } from 'node:fs';
import type { BuildOptions } from 'esbuild';
import { parse } from 'yaml';
import { cloudFormationTags } from './cloudformation-yaml';

interface ServerlessFile {
  functions: Record<string, { handler: string }>;
  custom: { esbuild: Record<string, unknown> };
}

/** The functions and the esbuild options exactly as serverless.yml gives them to serverless-esbuild. */
export function serverlessBuildConfig(path = 'serverless.yml'): {
  functions: { name: string; entry: string }[];
  esbuild: BuildOptions;
} {
  const file = parse(readFileSync(path, 'utf8'), {
    customTags: cloudFormationTags,
    logLevel: 'silent',
  }) as ServerlessFile;
  const functions = Object.entries(file.functions).map(([name, fn]) => ({
    name,
    entry: `${fn.handler.replace(/\.[^.]+$/, '')}.ts`,
  }));
  const { packager: _packager, exclude, ...esbuild } = file.custom.esbuild;
  return { functions, esbuild: { ...esbuild, external: exclude as string[] } as BuildOptions };
}
