import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: prints figures; asserts nothing about time (the machine may be busy). Each benchmark runs in
 * a fresh Node process, because handlers read their environment once at module load, as they do in Lambda.
 */
const BENCHMARKS = [
  'ack.bench.ts',
  'cases.bench.ts',
  'cases-faults.bench.ts',
  'cases-scale.bench.ts',
  'health-burst.bench.ts',
  'bundles.bench.ts',
  'csv-convert.bench.ts',
  'home.bench.ts',
];

console.log(`# aws-chatops benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
let failed = 0;
for (const file of BENCHMARKS) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `test/bench/${file}`], {
    stdio: 'inherit',
    // 40 Health events keep the paced burst near a minute; BENCH_HEALTH_EVENTS=200 for the full figure.
    env: {
      BENCH_HEALTH_EVENTS: '40',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  if (run.status !== 0) {
    console.error(`${file} failed (exit ${run.status})`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
