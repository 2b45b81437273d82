import { resolve } from 'node:path';
import { AIRTABLE_TABLE, HealthHarness, healthFixture } from '../support/health-harness';
import type { RecordedCall } from '../support/slack-stand-in';

/**
 * A burst of Health events for one channel, all delivered at once (as EventBridge fans out to concurrent Lambda
 * invocations), while Slack answers some calls 429 + Retry-After and Airtable answers some 429. Reports time to
 * drain, request rates, and messages lost or duplicated.
 */
/** 200 by default: the drain is paced at ≈1 message/s per channel, so this takes about 4 minutes. */
const EVENTS = Number(process.env.BENCH_HEALTH_EVENTS ?? 200);
const CHANNEL = 'C0BENCH001';

/** Most requests in any sliding window of `windowMs`. */
function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function minGap(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.min(...sorted.slice(1).map((t, i) => t - (sorted[i] as number)));
}

export async function runHealthBurst(): Promise<Record<string, number | string>> {
  const bot = new HealthHarness();
  await bot.start({ CHATOPS_CONFIG: resolve(__dirname, '../fixtures/health/health-burst.config.yaml') });
  let slackCalls = 0;
  bot.slack.throttle = () => {
    slackCalls += 1;
    return slackCalls % 17 === 0 ? 2 : undefined;
  };
  let airtableCalls = 0;
  bot.airtable.failWith = () => {
    airtableCalls += 1;
    return airtableCalls % 7 === 0 ? 429 : undefined;
  };
  const template = healthFixture('ec2-issue-open');
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    ...template,
    id: `bench-${i}`,
    account: '333333333333',
    detail: {
      ...(template.detail as object),
      eventArn: `${(template.detail as { eventArn: string }).eventArn}-bench-${i}`,
    },
  }));

  const started = Date.now();
  const outcomes = await Promise.allSettled(events.map((event) => bot.deliver(event, 300_000)));
  const slackDone = Date.now();
  for (
    let round = 0;
    round < 20 && (await bot.store.query('airtable-outbox', { limit: 1 })).length > 0;
    round += 1
  ) {
    await bot.retryAirtable(120_000);
  }
  const drained = Date.now();

  const inChannel = (c: RecordedCall) => c.body.channel === CHANNEL;
  const slack = bot.slack.calls.filter((c) => c.method.startsWith('chat.') && inChannel(c));
  const delivered = slack.filter((c) => c.method === 'chat.postMessage' && !c.throttled && !c.body.thread_ts);
  const postsPerEvent = new Map<string, number>();
  for (const post of delivered) {
    const arn = /bench-\d+/.exec(JSON.stringify(post.body.blocks))?.[0] ?? '?';
    postsPerEvent.set(arn, (postsPerEvent.get(arn) ?? 0) + 1);
  }
  const firstThrottle = slack.find((c) => c.throttled)?.at ?? Number.POSITIVE_INFINITY;
  const afterThrottle = slack.filter((c) => c.at >= firstThrottle).map((c) => c.at);
  const rows = bot.airtable.rows(AIRTABLE_TABLE).filter((r) => String(r.EventArn).includes('-bench-'));
  const result = {
    events: EVENTS,
    invocationsFailed: outcomes.filter((o) => o.status === 'rejected').length,
    'slack drained (s)': ((Math.max(...slack.map((c) => c.at)) - started) / 1000).toFixed(1),
    'all invocations returned (s)': ((slackDone - started) / 1000).toFixed(1),
    'airtable drained (s)': ((drained - started) / 1000).toFixed(1),
    'slack requests': slack.length,
    'slack 429 answered': slack.filter((c) => c.throttled).length,
    'slack max requests in any 1 s (channel)': maxInWindow(slack.map((c) => c.at)),
    'slack max requests in any 1 s after first 429': maxInWindow(afterThrottle),
    'slack min gap between requests (ms)': minGap(slack.map((c) => c.at)),
    'slack requests/s overall': (
      slack.length /
      ((Math.max(...slack.map((c) => c.at)) - started) / 1000)
    ).toFixed(2),
    'messages lost': EVENTS - postsPerEvent.size,
    'messages duplicated': [...postsPerEvent.values()].filter((n) => n > 1).length,
    'airtable requests': bot.airtable.calls.length,
    'airtable 429 answered': bot.airtable.calls.filter((c) => c.status === 429).length,
    'airtable max requests in any 1 s': maxInWindow(bot.airtable.calls.map((c) => c.at)),
    'airtable max records/request': Math.max(...bot.airtable.calls.map((c) => c.body.records?.length ?? 0)),
    'airtable rows lost': EVENTS - rows.length,
  };
  await bot.stop();
  return result;
}

if (require.main === module) {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  console.log(
    `\n## Health burst: ${EVENTS} events for one channel at once, Slack and Airtable answering some calls 429\n`,
  );
  runHealthBurst()
    .then((result) => {
      console.log('| figure | value |\n|---|---:|');
      for (const [name, value] of Object.entries(result)) console.log(`| ${name} | ${value} |`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
