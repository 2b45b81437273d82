import { parentPort, workerData } from 'node:worker_threads';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';

/**
 * STS and Support stand-ins in their own thread for the benchmark: AWS's CPU is not the bot's, so the bot's
 * event loop should not pay for answering its own calls. Every call answers after `delayMs`.
 */
async function main(): Promise<void> {
  const { accountIds, delayMs } = workerData as { accountIds: string[]; delayMs: number };
  const [sts, support] = await Promise.all([new StsStandIn().start(), new SupportStandIn().start()]);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  for (const [i, id] of accountIds.entries()) {
    support.cases.set(id, [
      supportCase(id, i, { timeCreated: hourAgo, severityCode: i % 2 ? 'high' : 'low' }),
    ]);
  }
  sts.delayMs = delayMs;
  support.delayMs = delayMs;
  parentPort?.postMessage({ stsUrl: sts.url, supportUrl: support.url });
  parentPort?.on('message', () => {
    void Promise.all([sts.stop(), support.stop()]).then(() => process.exit(0));
  });
}

void main();
