import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { serverlessBuildConfig } from '../support/serverless-build-config';

const INIT_RUNS = 7;

/** Median module initialisation (require of the handler file) in fresh Node processes, in ms. */
function initMs(file: string, env: Record<string, string>): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const runs = Array.from({ length: INIT_RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, ...env }, cwd: process.cwd() }),
    ),
  );
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
}

/**
 * Per function: bundle size as deployed (serverless.yml's esbuild options), which AWS SDK clients the bundle
 * holds, and module initialisation bundled vs unbundled (the same code with node_modules left as require()s).
 */
export async function benchBundles(): Promise<void> {
  const { functions, esbuild } = serverlessBuildConfig();
  // Inside the project so the unbundled builds resolve node_modules as they would in a plain deployment.
  const out = resolve('.bench');
  mkdirSync(out, { recursive: true });
  const configJson = join(out, 'chatops.config.json');
  writeFileSync(configJson, JSON.stringify(parse(readFileSync('chatops.config.yaml', 'utf8'))));
  const env = {
    CHATOPS_CONFIG: configJson,
    WORKER_FUNCTION_NAME: 'bench-worker',
    STATE_TABLE: 'bench',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };

  console.log('\n## Bundles and module initialisation (median of %d fresh processes)\n', INIT_RUNS);
  console.log('| function | bundle | SDK clients in bundle | init bundled | init unbundled | ratio |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const fn of functions) {
    const bundled = join(out, `${fn.name}.bundled.js`);
    const unbundled = join(out, `${fn.name}.unbundled.js`);
    const result = await build({
      ...esbuild,
      entryPoints: [fn.entry],
      outfile: bundled,
      metafile: true,
      sourcemap: false,
      logLevel: 'silent',
    });
    await build({
      entryPoints: [fn.entry],
      outfile: unbundled,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const clients = new Set(
      Object.keys(result.metafile.inputs).flatMap(
        (input) => /node_modules\/@aws-sdk\/client-([a-z0-9-]+)\//.exec(input)?.[1] ?? [],
      ),
    );
    const bundledMs = initMs(bundled, env);
    const unbundledMs = initMs(unbundled, env);
    console.log(
      `| ${fn.name} | ${((output?.bytes ?? 0) / 1024).toFixed(0)} KB | ${[...clients].sort().join(', ') || '—'} | ${bundledMs.toFixed(0)} ms | ${unbundledMs.toFixed(0)} ms | ${(bundledMs / unbundledMs).toFixed(2)} |`,
    );
  }
}

if (require.main === module) void benchBundles();
