import { fuzzCommands, fuzzInteractions } from './fuzz-commands';
import { eventSeeds, freshen, fuzzEvents } from './fuzz-events';
import { fuzzForged } from './fuzz-forged';
import { FuzzWorld } from './fuzz-world';
import { Prng } from './prng';
import { Tally } from './tally';

export interface FuzzOptions {
  seed: number;
  /** Inputs per command and per interaction kind. */
  runs: number;
  /** Events per event handler. */
  eventRuns: number;
  /** Forged and replayed requests. */
  forgedRuns: number;
  /** Only these targets (a shard of `npm run fuzz`); all when absent. */
  targets?: readonly string[];
}

/** Targets in the order they run; `npm run fuzz` splits them over two processes (the machine has two cores). */
export const SHARDS: readonly (readonly string[])[] = [
  [
    'forged/replayed',
    'healthEvent',
    'autotagEvent',
    'catalogEvent',
    'casesSchedule',
    '/aws-help',
    'block_actions',
    'view_submission',
  ],
  ['/aws-whoami', '/aws-cases', '/aws-bucket', 'message_action', 'slackWorker'],
];

/**
 * One fuzz session on one running bot: forged requests, mutated events (auto-tagging first, so there are real
 * notices to click), commands, interactions, then mutated copies of the jobs the commands handed to the worker.
 */
export async function runFuzz(options: FuzzOptions): Promise<{ tally: Tally; seconds: number }> {
  const started = Date.now();
  const tally = new Tally();
  const rng = new Prng(options.seed);
  const world = await new FuzzWorld().start();
  const wanted = (target: string) => !options.targets || options.targets.includes(target);
  try {
    if (wanted('forged/replayed')) await fuzzForged(world, rng, options.forgedRuns, tally);
    const { slackWorker: _, ...eventHandlers } = eventSeeds([]);
    const events = Object.fromEntries(Object.entries(eventHandlers).filter(([target]) => wanted(target)));
    // Clicks need auto-tagging notices to click on: without the autotag target, the fixtures are delivered once.
    if (!wanted('autotagEvent')) await primeNotices(world, eventHandlers.autotagEvent ?? []);
    await fuzzEvents(world, rng, options.eventRuns, tally, events);
    const pass = { world, rng, runs: options.runs, tally, wanted };
    await fuzzCommands(pass);
    await fuzzInteractions(pass);
    const jobs = world.bot.lambda.invocations.map((invocation) => invocation.payload);
    if (wanted('slackWorker')) await fuzzEvents(world, rng, options.eventRuns, tally, { slackWorker: jobs });
  } finally {
    await world.stop();
  }
  return { tally, seconds: (Date.now() - started) / 1000 };
}

async function primeNotices(world: FuzzWorld, fixtures: readonly unknown[]): Promise<void> {
  for (const [i, event] of fixtures.entries()) {
    await world.handlers.autotagEvent?.(freshen(event, `-notice${i}`)).catch(() => undefined);
  }
}
