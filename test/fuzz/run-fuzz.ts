import { fuzzCommands, fuzzInteractions } from './fuzz-commands';
import { eventSeeds, fuzzEvents } from './fuzz-events';
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
}

/**
 * One fuzz session on one running bot: forged requests, mutated events (auto-tagging first, so there are real
 * notices to click), commands, interactions, then mutated copies of the jobs the commands handed to the worker.
 */
export async function runFuzz(options: FuzzOptions): Promise<{ tally: Tally; seconds: number }> {
  const started = Date.now();
  const tally = new Tally();
  const rng = new Prng(options.seed);
  const world = await new FuzzWorld().start();
  try {
    await fuzzForged(world, rng, options.forgedRuns, tally);
    const { slackWorker: _, ...eventHandlers } = eventSeeds([]);
    await fuzzEvents(world, rng, options.eventRuns, tally, eventHandlers);
    await fuzzCommands(world, rng, options.runs, tally);
    await fuzzInteractions(world, rng, options.runs, tally);
    const jobs = world.bot.lambda.invocations.map((invocation) => invocation.payload);
    await fuzzEvents(world, rng, options.eventRuns, tally, { slackWorker: jobs });
  } finally {
    await world.stop();
  }
  return { tally, seconds: (Date.now() - started) / 1000 };
}
