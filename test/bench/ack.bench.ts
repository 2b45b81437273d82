import { BotHarness } from '../support/bot-harness';

const COMMANDS = 200;
const JOB_SECONDS = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Ack latency of a signed slash command through the real HTTP handler (served as API Gateway would) while the
 * job behind each command takes 10 s: STS answers the worker only after 10 s. The ack must not wait for it.
 */
export async function benchAck(): Promise<void> {
  const bot = await new BotHarness().start();
  bot.sts.delayMs = JOB_SECONDS * 1000;
  try {
    await bot.command('/aws-help'); // warm-up: first request builds the app
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < COMMANDS; i += 1) {
      const t0 = performance.now();
      const response = await bot.command('/aws-whoami', '', { responseId: `bench-${i}` });
      latencies.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`ack ${i} answered ${response.status}`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const first = await bot.slack.waitFor('response_url', (JOB_SECONDS + 20) * 1000);
    const jobMs = performance.now() - started;
    console.log(`\n## Ack latency: ${COMMANDS} signed /aws-whoami, each job taking ${JOB_SECONDS} s\n`);
    console.log('| p50 | p90 | p99 | max | jobs started | first job answered after |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 90).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms | ${bot.lambda.invocations.length} | ${(jobMs / 1000).toFixed(1)} s (${first.path}) |`,
    );
  } finally {
    await bot.stop();
  }
}

if (require.main === module) void benchAck().then(() => process.exit(0));
