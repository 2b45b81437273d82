import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';

export interface AwsCallTimes {
  calls: number;
  /** Epoch ms (performance.timeOrigin + now) of the first request and of the last response. */
  firstCallAt: number;
  lastAnswerAt: number;
  /** Sum of every call's duration: divided by the AWS phase, the calls in flight on average. */
  busyMs: number;
}

/**
 * STS and Support stand-ins in their own thread for the benchmark: AWS's CPU is not the bot's, so the bot's
 * event loop should not pay for answering its own calls. Every call answers after `delayMs`; `throttled`
 * accounts answer ThrottlingException to their first `throttleTimes` DescribeCases calls, `denied` accounts
 * refuse AssumeRole. Messages: `reset` forgets the calls so far, `times` answers AwsCallTimes, `stop` ends.
 */
async function main(): Promise<void> {
  const { accountIds, delayMs, throttled, throttleTimes, denied } = workerData as {
    accountIds: string[];
    delayMs: number;
    throttled: string[];
    throttleTimes: number;
    denied: string[];
  };
  const [sts, support] = await Promise.all([new StsStandIn().start(), new SupportStandIn().start()]);
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  for (const [i, id] of accountIds.entries()) {
    support.cases.set(id, [
      supportCase(id, i, { timeCreated: hourAgo, severityCode: i % 2 ? 'high' : 'low' }),
    ]);
  }
  sts.delayMs = delayMs;
  support.delayMs = delayMs;
  const clock = () => performance.timeOrigin + performance.now();
  const started = new WeakMap<IncomingMessage, number>();
  let times: AwsCallTimes = { calls: 0, firstCallAt: 0, lastAnswerAt: 0, busyMs: 0 };
  subscribe('http.server.request.start', (message) => {
    const now = clock();
    started.set((message as { request: IncomingMessage }).request, now);
    if (times.calls === 0) times.firstCallAt = now;
    times.calls += 1;
  });
  subscribe('http.server.response.finish', (message) => {
    const { request } = message as { request: IncomingMessage; response: ServerResponse };
    const start = started.get(request);
    if (start === undefined) return;
    times.lastAnswerAt = clock();
    times.busyMs += times.lastAnswerAt - start;
  });
  const arm = () => {
    sts.deniedRoles = new Set(denied.map((id) => `arn:aws:iam::${id}:role/GetSupportInfoRole`));
    for (const id of throttled) support.throttleFirst.set(id, throttleTimes);
  };
  parentPort?.postMessage({ stsUrl: sts.url, supportUrl: support.url });
  parentPort?.on('message', (command: 'reset' | 'times' | 'stop') => {
    if (command === 'reset') {
      arm();
      times = { calls: 0, firstCallAt: 0, lastAnswerAt: 0, busyMs: 0 };
      parentPort?.postMessage({ reset: true });
    } else if (command === 'times') {
      parentPort?.postMessage({ times });
    } else {
      void Promise.all([sts.stop(), support.stop()]).then(() => process.exit(0));
    }
  });
}

void main();
