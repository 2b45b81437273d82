import { readFileSync } from 'node:fs';
import type { BuildOptions } from 'esbuild';
import { parse } from 'yaml';

interface ServerlessFile {
  functions: Record<string, { handler: string }>;
  custom: { esbuild: Record<string, unknown> };
}

/** CloudFormation short tags (!Ref, !Join …) read as plain values: the bench only needs names and options. */
const cfnTags = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'If',
  'Equals',
  'Not',
  'Select',
  'Split',
  'ImportValue',
  'FindInMap',
  'Base64',
  'GetAZs',
  'Condition',
  'And',
  'Or',
].flatMap((name) =>
  (['scalar', 'seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    collection: collection === 'scalar' ? undefined : collection,
    resolve: (value: unknown) => ({ [name]: value }),
  })),
);

/** The functions and the esbuild options exactly as serverless.yml gives them to serverless-esbuild. */
export function serverlessBuildConfig(path = 'serverless.yml'): {
  functions: { name: string; entry: string }[];
  esbuild: BuildOptions;
} {
  const file = parse(readFileSync(path, 'utf8'), {
    customTags: cfnTags as never,
    logLevel: 'silent',
  }) as ServerlessFile;
  const functions = Object.entries(file.functions).map(([name, fn]) => ({
    name,
    entry: `${fn.handler.replace(/\.[^.]+$/, '')}.ts`,
  }));
  const { packager: _packager, exclude: _exclude, ...esbuild } = file.custom.esbuild;
  return { functions, esbuild: esbuild as BuildOptions };
}
