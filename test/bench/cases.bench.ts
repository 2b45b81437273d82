import '../support/vega-canvas-for-tsx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BotHarness } from '../support/bot-harness';

export interface CasesBenchResult {
  name: string;
  accounts: number;
  concurrency: number;
  callDelayMs: number;
  ackMs: number;
  commandToReportMs: number;
  /** CPU time of the whole process during the run (bot, plus the stand-ins in their own thread). */
  cpuMs: number;
  /** Command → CSV and chart shared (they follow the report). */
  filesMs: number;
  sequentialFloorMs: number;
  concurrencyFloorMs: number;
  /** What must show: report within 1.5 × the concurrency floor, ≥ 15 × faster than sequential, ack < 3 s. */
  pass: boolean;
}

/**
 * `/aws-cases 7d` over N accounts where every AWS call (STS AssumeRole, Support DescribeCases) answers after
 * `callDelayMs`: the whole bot on loopback, from the signed command to the report at the response_url.
 */
export async function casesBench(
  options: { accounts?: number; concurrency?: number; callDelayMs?: number } = {},
): Promise<CasesBenchResult> {
  const accounts = options.accounts ?? 200;
  const concurrency = options.concurrency ?? 20;
  const callDelayMs = options.callDelayMs ?? 100;
  const ids = Array.from({ length: accounts }, (_, i) => String(100000000000 + i));
  const configPath = join(mkdtempSync(join(tmpdir(), 'cases-bench-')), 'chatops.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      accounts: ids.map((id, i) => ({ id, name: `account-${i}` })),
      roles: { default: 'aws-chatops-read', cases: 'GetSupportInfoRole' },
      slack: { defaultChannel: 'C0ALERTS01' },
      cases: { concurrency },
    }),
  );
  const thread = JSON.stringify(join(__dirname, 'aws-stand-ins-thread.ts'));
  const aws = new Worker(`require('tsx/cjs'); require(${thread});`, {
    eval: true,
    workerData: { accountIds: ids, delayMs: callDelayMs },
  });
  const urls = await new Promise<{ stsUrl: string; supportUrl: string }>((resolve, reject) => {
    aws.once('message', resolve);
    aws.once('error', reject);
  });
  const bot = new BotHarness();
  try {
    await bot.start({
      CHATOPS_CONFIG: configPath,
      AWS_ENDPOINT_URL_STS: urls.stsUrl,
      AWS_ENDPOINT_URL_SUPPORT: urls.supportUrl,
    });
    // A warm container: handlers, Bolt and the chart modules loaded once by a one-account report (under tsx,
    // loading vega means transforming it, ~1 s of CPU a bundled Lambda does not pay).
    await bot.command('/aws-cases', '7d account=account-0', { responseId: 'warm-up' });
    await bot.slack.waitFor('response_url', 60_000, (call) => call.path.endsWith('/warm-up'));
    await bot.lambda.settled();

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const ack = await bot.command('/aws-cases', '7d', { responseId: 'bench' });
    const ackMs = performance.now() - started;
    const report = await bot.slack.waitFor(
      'response_url',
      120_000,
      (call) => call.path.endsWith('/bench') && String(call.body.text).startsWith('Support cases'),
    );
    const commandToReportMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (ack.status !== 200 || !String(report.body.text).includes(`${accounts} (`)) {
      throw new Error(`unexpected answer: ${ack.status} ${String(report.body.text)}`);
    }
    await bot.lambda.settled();
    const filesMs = performance.now() - started;

    const sequentialFloorMs = accounts * 2 * callDelayMs;
    const concurrencyFloorMs = Math.ceil(accounts / concurrency) * 2 * callDelayMs;
    return {
      name: 'cases',
      accounts,
      concurrency,
      callDelayMs,
      ackMs,
      commandToReportMs,
      cpuMs,
      filesMs,
      sequentialFloorMs,
      concurrencyFloorMs,
      pass:
        commandToReportMs <= 1.5 * concurrencyFloorMs &&
        commandToReportMs * 15 <= sequentialFloorMs &&
        ackMs < 3000,
    };
  } finally {
    aws.postMessage('stop');
    await bot.stop();
    await new Promise((resolve) => aws.once('exit', resolve));
  }
}

export function describeCasesBench(r: CasesBenchResult): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `/aws-cases over ${r.accounts} accounts, every AWS call ${r.callDelayMs} ms, concurrency ${r.concurrency}`,
    `  ack:                      ${ms(r.ackMs)} (limit 3000 ms)`,
    `  command → report:         ${ms(r.commandToReportMs)} (process CPU ${ms(r.cpuMs)}: bot + stand-in thread)`,
    `  command → CSV + chart:    ${ms(r.filesMs)}`,
    `  concurrency floor:        ${ms(r.concurrencyFloorMs)} (report/floor ${(r.commandToReportMs / r.concurrencyFloorMs).toFixed(2)}, limit 1.50)`,
    `  sequential floor:         ${ms(r.sequentialFloorMs)} (${(r.sequentialFloorMs / r.commandToReportMs).toFixed(1)}× faster, need ≥ 15×)`,
    `  ${r.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

if (require.main === module) {
  casesBench()
    .then((result) => {
      // The verdict is printed, not asserted: a busy machine is not a failure of the code.
      console.log(describeCasesBench(result));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
