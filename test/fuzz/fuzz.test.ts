import { describe, expect, it } from 'vitest';
import { KNOWN_FINDINGS, type KnownFinding } from './known-findings';
import { runFuzz } from './run-fuzz';
import type { Finding } from './tally';

const seed = Number.parseInt(process.env.FUZZ_SEED ?? '', 10) || 20261201;
const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10) || 10;

const matches = (known: KnownFinding, finding: Finding) =>
  known.target === finding.target && known.kind === finding.kind && known.problem.test(finding.problem);

describe('the fuzz suite, short run (npm run fuzz runs the long one)', () => {
  it('finds no crash, invalid message, lost input or unauthorised call beyond the known open findings — and every known one still occurs', async () => {
    const { tally } = await runFuzz({ seed, runs, eventRuns: runs * 2, forgedRuns: 20 });
    const findings = [...tally.findings.values()];

    const unexpected = findings
      .filter((finding) => !KNOWN_FINDINGS.some((known) => matches(known, finding)))
      .map((f) => `${f.target} ${f.kind}: ${f.problem}\n    input: ${f.example}`);
    const gone = KNOWN_FINDINGS.filter((known) => !findings.some((finding) => matches(known, finding))).map(
      (known) =>
        `${known.target} ${known.kind} ${known.problem} (defect ${known.issue}) no longer occurs: remove it`,
    );

    expect({ seed, unexpected, gone }).toEqual({ seed, unexpected: [], gone: [] });
  }, 300_000);
});
