import { runHealthBurst } from './health-burst';

/** `npm run bench [-- <name>…]`: runs the named benchmarks (all by default) and prints their figures. */
const BENCHMARKS: Record<string, () => Promise<Record<string, number | string>>> = {
  'health-burst': runHealthBurst,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  for (const name of names) {
    const run = BENCHMARKS[name];
    if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    console.log(`── ${name}`);
    console.table(await run());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
