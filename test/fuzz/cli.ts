import '../support/vega-canvas-for-tsx';
import { fuzzSettings } from './prng';
import { runFuzz } from './run-fuzz';

/**
 * `npm run fuzz`: ≥ 1,000 generated inputs per command and interaction kind, ≥ 200 mutated events per handler,
 * forged requests; prints the seed, the table and one example per finding; exits 1 when anything was found.
 * `FUZZ_SEED=<n>` repeats a run, `FUZZ_RUNS=<n>` sets the inputs per command (events: a fifth, at least 200).
 */
const { seed, runs } = fuzzSettings(1000);
const eventRuns = Math.max(200, Math.round(runs / 5));
console.log(
  `# aws-chatops fuzz — seed ${seed} (FUZZ_SEED=${seed} repeats it), ${runs} per command, ${eventRuns} per event handler`,
);
runFuzz({ seed, runs, eventRuns, forgedRuns: 100 })
  .then(({ tally, seconds }) => {
    console.log(`\n${tally.table()}\n`);
    for (const finding of tally.findings.values()) {
      console.log(`- ${finding.target} ${finding.kind}: ${finding.problem}\n    input: ${finding.example}`);
    }
    console.log(`\n${tally.findings.size} distinct findings in ${seconds.toFixed(1)} s (seed ${seed})`);
    process.exit(tally.failed > 0 ? 1 : 0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
