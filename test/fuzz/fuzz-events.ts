import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FuzzWorld } from './fuzz-world';
import { mutateEvent } from './mutate-event';
import type { Prng } from './prng';
import { slackCallProblems } from './slack-checks';
import type { Tally } from './tally';

const FIXTURES = resolve(__dirname, '../fixtures');

function fixtures(folder: string, keep: (name: string) => boolean = () => true): unknown[] {
  return readdirSync(resolve(FIXTURES, folder))
    .filter((name) => name.endsWith('.json') && keep(name))
    .map((name) => JSON.parse(readFileSync(resolve(FIXTURES, folder, name), 'utf8')) as unknown);
}

/** The documented event shapes each handler starts from (test/fixtures), mutated by the fuzz. */
export function eventSeeds(jobs: unknown[]): Record<string, unknown[]> {
  return {
    healthEvent: fixtures('health'),
    autotagEvent: fixtures('autotag'),
    catalogEvent: fixtures('catalog', (name) => name !== 'member-account-answers.json'),
    casesSchedule: fixtures('cases', (name) => name === 'scheduled-event.json'),
    slackWorker: jobs,
  };
}

/** A new delivery, not a copy of an earlier one: ids get a suffix so dedup does not hide the handling. */
export function freshen(event: unknown, suffix: string): unknown {
  const text = JSON.stringify(event)
    .replace(/("(?:id|eventID|MessageId|eventArn)":"[^"]*)"/g, `$1${suffix}"`)
    .replace(/(ClientRequestToken='[^'\\]*)'/g, `$1${suffix}'`);
  return JSON.parse(text) as unknown;
}

/** Mutated events for every event handler; the figures go to the tally under the handler's name. */
export async function fuzzEvents(
  world: FuzzWorld,
  rng: Prng,
  runs: number,
  tally: Tally,
  seeds: Record<string, unknown[]>,
): Promise<void> {
  for (const [target, list] of Object.entries(seeds)) {
    const handler = world.handlers[target];
    if (!handler || list.length === 0) continue;
    const own = rng.fork(target);
    for (let i = 0; i < runs; i += 1) {
      const base = freshen(own.pick(list), `-fz${rng.seed}-${i}`);
      const { event, how } = own.chance(0.9) ? mutateEvent(base, own) : { event: base, how: 'unchanged' };
      if (target === 'casesSchedule') world.casesInSupport(own.chance(0.05));
      tally.tried(target);
      tally.record(target, { how, event }, await deliver(world, target, handler, event));
    }
  }
}

async function deliver(
  world: FuzzWorld,
  target: string,
  handler: (e: unknown) => Promise<unknown>,
  event: unknown,
) {
  const mark = {
    slack: world.bot.slack.calls.length,
    logs: world.logs.lines.length,
    leaks: world.leaks.length,
  };
  let thrown: unknown;
  try {
    await handler(event);
    await world.bot.lambda.settled();
  } catch (error) {
    thrown = error;
  }
  const calls = world.bot.slack.calls.slice(mark.slack);
  const traces = world.logs.tracesSince(mark.logs);
  const quarantined = traces.some((line) => line.includes('malformed event kept for replay'));
  const answered = calls.some((c) => c.method.startsWith('chat.') || c.method === 'response_url');
  // Deliveries run one at a time, so any INFO line now is about this event (with its id in the correlation keys).
  const traced = traces.length > 0;
  const error = thrown as { name?: string; message?: string } | undefined;
  return {
    crashed: thrown
      ? [`${target} threw ${error?.name ?? ''}: ${String(error?.message ?? thrown).slice(0, 200)}`]
      : [],
    invalid: slackCallProblems(calls),
    lost:
      !thrown && !quarantined && !answered && !traced
        ? ['returned with no message, no quarantine and no INFO log']
        : [],
    unauthorised: world.leaks.slice(mark.leaks).map((leak) => `request sent off Slack's hosts: ${leak}`),
  };
}
