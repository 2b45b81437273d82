import '../support/vega-canvas-for-tsx';
import { spawn } from 'node:child_process';
import { fuzzSettings } from './prng';
import { runFuzz, SHARDS } from './run-fuzz';
import { Tally } from './tally';

/**
 * `npm run fuzz`: ≥ 1,000 generated inputs per command and interaction kind, ≥ 200 mutated events per handler,
 * 100 forged requests; prints the seed, the table and one example per finding; exits 1 when anything was found.
 * `FUZZ_SEED=<n>` repeats a run, `FUZZ_RUNS=<n>` sets the inputs per command (events: a fifth, at least 200).
 * The targets run in two processes (one per core), each with its own bot; `FUZZ_SHARD=<i>` runs one of them.
 */
const { seed, runs } = fuzzSettings(1000);
const eventRuns = Math.max(200, Math.round(runs / 5));
const shard = process.env.FUZZ_SHARD;

async function runShard(index: number): Promise<void> {
  const { tally } = await runFuzz({ seed, runs, eventRuns, forgedRuns: 100, targets: SHARDS[index] });
  process.stderr.write(`\nFUZZ-RESULT ${JSON.stringify(tally.toJSON())}\n`);
}

function spawnShard(index: number): Promise<ReturnType<Tally['toJSON']>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
      env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs), FUZZ_SHARD: String(index) },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      const line = err.split('\n').find((l) => l.startsWith('FUZZ-RESULT '));
      if (line) resolve(JSON.parse(line.slice('FUZZ-RESULT '.length)) as ReturnType<Tally['toJSON']>);
      else reject(new Error(`shard ${index} exited ${code} without figures:\n${err.slice(-3000)}`));
    });
  });
}

async function main(): Promise<number> {
  if (shard !== undefined) {
    await runShard(Number(shard));
    return 0;
  }
  console.log(
    `# aws-chatops fuzz — seed ${seed} (FUZZ_SEED=${seed} repeats it), ${runs} per command and interaction, ${eventRuns} per event handler, 100 forged`,
  );
  const started = Date.now();
  const tally = new Tally();
  for (const part of await Promise.all(SHARDS.map((_, i) => spawnShard(i)))) tally.merge(part);
  console.log(`\n${tally.table()}\n`);
  for (const finding of tally.findings.values()) {
    console.log(`- ${finding.target} ${finding.kind}: ${finding.problem}\n    input: ${finding.example}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${tally.findings.size} distinct findings in ${seconds.toFixed(0)} s (seed ${seed})`);
  return tally.failed > 0 ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
