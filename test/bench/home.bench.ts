import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BotHarness } from '../support/bot-harness';
import { manyHomeItems } from '../support/home-items-fixture';

const ACCOUNTS = 200;
const ITEMS = 1000;
const OPENS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Home render time: a signed `app_home_opened` event callback through the real HTTP handler (served as API Gateway
 * would) until Slack's 200, which with processBeforeResponse comes after the read from state (dynalite), the
 * build and the one views.publish (Slack stand-in). 200 accounts, 1,000 open items in state.
 */
export async function benchHome(): Promise<void> {
  const bot = await new BotHarness().start();
  const { putHomeItem } = await import('../../src/store/home-items');
  // The one logger was built when the harness loaded the state store, before the harness's environment: quiet
  // it here so the figures are not lost among 100 "Home published" lines.
  const { logger } = await import('../../src/lambda/logger');
  logger.setLogLevel('SILENT');
  const opened = JSON.parse(
    readFileSync(resolve(__dirname, '../fixtures/slack/app-home-opened.json'), 'utf8'),
  );
  try {
    const now = new Date();
    const items = manyHomeItems({ accounts: ACCOUNTS, items: ITEMS, now, userId: 'U0BENCH001' });
    for (let i = 0; i < items.length; i += 50)
      await Promise.all(items.slice(i, i + 50).map((item) => putHomeItem(bot.store, item, now)));
    const open = async (n: number) => {
      const body = JSON.stringify({
        ...opened,
        event_id: `Ev0BENCH${n}`,
        event: { ...opened.event, user: 'U0BENCH001' },
      });
      const t0 = performance.now();
      const response = await bot.post(body, 'application/json');
      if (response.status !== 200) throw new Error(`open ${n} answered ${response.status}`);
      return performance.now() - t0;
    };
    await open(-1); // warm-up: the first request builds the app
    const latencies: number[] = [];
    for (let i = 0; i < OPENS; i += 1) latencies.push(await open(i));
    const sorted = [...latencies].sort((a, b) => a - b);
    const publishes = bot.slack.callsOf('views.publish');
    const last = publishes.at(-1)?.body.view;
    const view = typeof last === 'string' ? JSON.parse(last) : (last as { blocks: unknown[] });
    console.log(
      `\n## Home render: ${OPENS} app_home_opened, ${ACCOUNTS} accounts, ${ITEMS} open items in state\n`,
    );
    console.log('| p50 | p90 | p99 | max | views.publish | blocks | view size |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 90).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms | ${publishes.length} | ${view.blocks.length} | ${(JSON.stringify(view).length / 1024).toFixed(1)} KB |`,
    );
  } finally {
    await bot.stop();
  }
}

if (require.main === module) void benchHome().then(() => process.exit(0));
