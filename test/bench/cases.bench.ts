import '../support/vega-canvas-for-tsx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CASES_CONFIG_DEFAULTS } from '../../src/cases/config-schema';
import { BotHarness } from '../support/bot-harness';
import { casesFaultPlan, casesScaleFaultPlan } from '../support/cases-faults';
import type { AwsCallTimes } from './aws-stand-ins-thread';

export interface CasesBenchOptions {
  accounts?: number;
  concurrency?: number;
  callDelayMs?: number;
  /** Accounts (indices) whose first `throttleTimes` DescribeCases calls answer ThrottlingException. */
  throttled?: number[];
  throttleTimes?: number;
  /** Accounts (indices) that refuse AssumeRole. */
  denied?: number[];
  /** The AWS phase may take at most this many times the concurrency floor (default 1.5). */
  floorLimit?: number;
}

export interface CasesBenchResult {
  name: string;
  accounts: number;
  concurrency: number;
  callDelayMs: number;
  throttled: number;
  throttleTimes: number;
  denied: number;
  ackMs: number;
  commandToReportMs: number;
  /** First AWS call received → report received at the response_url. */
  awsPhaseMs: number;
  /** AWS calls in flight on average between the first call and the last answer (slots busy). */
  busySlots: number;
  awsCalls: number;
  /** CPU time of the whole process during the run (bot, plus the stand-ins in their own thread). */
  cpuMs: number;
  /** Command → CSVs and chart shared (they follow the report). */
  filesMs: number;
  sequentialFloorMs: number;
  concurrencyFloorMs: number;
  floorLimit: number;
  /** Peak resident memory of the process (bot + stand-in thread), and the bot's peak JS heap, sampled. */
  peakRssMb: number;
  peakHeapMb: number;
  /** What must show: AWS phase within 1.5 × the concurrency floor, ≥ 15 × faster than sequential, ack < 3 s. */
  pass: boolean;
}

/**
 * `/aws-cases 7d` over N accounts where every AWS call (STS AssumeRole, Support DescribeCases) answers after
 * `callDelayMs`, some accounts throttled or refusing AssumeRole: the whole bot on loopback, from the signed
 * command to the report at the response_url. Floors count 2 calls per account (AssumeRole + DescribeCases).
 */
export async function casesBench(options: CasesBenchOptions = {}): Promise<CasesBenchResult> {
  const accounts = options.accounts ?? 200;
  const concurrency = options.concurrency ?? 20;
  const callDelayMs = options.callDelayMs ?? 100;
  const throttleTimes = options.throttleTimes ?? 2;
  const ids = Array.from({ length: accounts }, (_, i) => String(100000000000 + i));
  const pick = (indices: number[] = []) => indices.map((i) => ids[i] ?? '');
  const throttled = pick(options.throttled);
  const denied = pick(options.denied);
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
    workerData: { accountIds: ids, delayMs: callDelayMs, throttled, throttleTimes, denied },
  });
  const ask = <T>(command: string) =>
    new Promise<T>((resolve) => {
      aws.once('message', resolve);
      aws.postMessage(command);
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
    await bot.command('/aws-cases', '7d account=account-1', { responseId: 'warm-up' });
    await bot.slack.waitFor('response_url', 60_000, (call) => call.path.endsWith('/warm-up'));
    await bot.lambda.settled();
    await ask('reset');

    let peakHeap = 0;
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 25);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const ack = await bot.command('/aws-cases', '7d', { responseId: 'bench' });
    const ackMs = performance.now() - started;
    const report = await bot.slack.waitFor(
      'response_url',
      120_000,
      (call) => call.path.endsWith('/bench') && String(call.body.text).startsWith('Support cases'),
    );
    const reportAt = performance.timeOrigin + performance.now();
    const commandToReportMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const { times } = await ask<{ times: AwsCallTimes }>('times');
    const read = accounts - denied.length;
    if (ack.status !== 200 || !String(report.body.text).includes(`in ${read} of ${accounts} accounts`)) {
      throw new Error(`unexpected answer: ${ack.status} ${String(report.body.text)}`);
    }
    await bot.lambda.settled();
    const filesMs = performance.now() - started;
    clearInterval(sampler);
    const floorLimit = options.floorLimit ?? 1.5;

    const awsPhaseMs = reportAt - times.firstCallAt;
    const sequentialFloorMs = accounts * 2 * callDelayMs;
    const concurrencyFloorMs = Math.ceil(accounts / concurrency) * 2 * callDelayMs;
    return {
      name: throttled.length + denied.length > 0 ? 'cases-with-faults' : 'cases',
      accounts,
      concurrency,
      callDelayMs,
      throttled: throttled.length,
      throttleTimes,
      denied: denied.length,
      ackMs,
      commandToReportMs,
      awsPhaseMs,
      busySlots: times.busyMs / (times.lastAnswerAt - times.firstCallAt),
      awsCalls: times.calls,
      cpuMs,
      filesMs,
      sequentialFloorMs,
      concurrencyFloorMs,
      floorLimit,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1024 / 1024,
      pass:
        awsPhaseMs <= floorLimit * concurrencyFloorMs && awsPhaseMs * 15 <= sequentialFloorMs && ackMs < 3000,
    };
  } finally {
    aws.postMessage('stop');
    await bot.stop();
    await new Promise((resolve) => aws.once('exit', resolve));
  }
}

export function describeCasesBench(r: CasesBenchResult): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  const faults =
    r.throttled + r.denied > 0
      ? `, ${r.throttled} accounts throttled ${r.throttleTimes}×, ${r.denied} denying AssumeRole`
      : '';
  return [
    `/aws-cases over ${r.accounts} accounts, every AWS call ${r.callDelayMs} ms, concurrency ${r.concurrency}${faults}`,
    `  ack:                      ${ms(r.ackMs)} (limit 3000 ms)`,
    `  command → report:         ${ms(r.commandToReportMs)} (process CPU ${ms(r.cpuMs)}: bot + stand-in thread)`,
    `  AWS phase:                ${ms(r.awsPhaseMs)} (first AWS call → report; ${r.awsCalls} calls, ${r.busySlots.toFixed(1)} of ${r.concurrency} slots busy on average)`,
    `  command → CSV + chart:    ${ms(r.filesMs)}`,
    `  concurrency floor:        ${ms(r.concurrencyFloorMs)} (AWS phase/floor ${(r.awsPhaseMs / r.concurrencyFloorMs).toFixed(2)}, limit ${r.floorLimit.toFixed(2)})`,
    `  sequential floor:         ${ms(r.sequentialFloorMs)} (${(r.sequentialFloorMs / r.awsPhaseMs).toFixed(1)}× faster, need ≥ 15×)`,
    `  peak memory:              ${r.peakRssMb.toFixed(0)} MB resident (bot + stand-in thread), ${r.peakHeapMb.toFixed(0)} MB JS heap`,
    `  ${r.pass ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

/** Issue 10.7's faults: 206 accounts, 24 throttled twice, 21 refusing AssumeRole (`cases-faults.bench.ts`). */
export const FAULTS_SCENARIO: CasesBenchOptions = { accounts: 206, throttleTimes: 2, ...casesFaultPlan(206) };

/**
 * Issue 16.6: 1,000 accounts, every call 100 ms, 10 % throttled twice, 5 % refusing AssumeRole, at the default
 * concurrency (`cases.concurrency`), within 1.3 × the concurrency floor (`cases-scale.bench.ts`).
 */
export const SCALE_SCENARIO: CasesBenchOptions = {
  accounts: 1000,
  concurrency: CASES_CONFIG_DEFAULTS.concurrency,
  throttleTimes: 2,
  floorLimit: 1.3,
  ...casesScaleFaultPlan(1000),
};

/** Runs one scenario and prints its figures (the verdict is printed, not asserted: a busy machine is not a failure of the code). */
export function printCasesBench(options: CasesBenchOptions): void {
  casesBench(options)
    .then((result) => console.log(describeCasesBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

if (require.main === module) printCasesBench({});
