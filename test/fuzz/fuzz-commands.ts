import { FORM, interactionBody } from '../support/interaction';
import { COMMANDS, commandText, commandUser, USERS } from './command-inputs';
import type { FuzzWorld } from './fuzz-world';
import { INTERACTIONS, interactionPayload } from './interaction-inputs';
import type { Prng } from './prng';
import { messageProblems, saysWorking, slackCallProblems } from './slack-checks';
import type { Tally } from './tally';
import { type Problems, unauthorisedProblems } from './verdict';

const DROPPED = 'malformed event kept for replay';

/**
 * Sends one signed request through the real Slack HTTP handler, lets the worker finish, and judges everything
 * that happened for it: the ack, the Slack calls, AWS calls, and whether an acked job was answered.
 */
async function exercise(
  world: FuzzWorld,
  request: { userId: string; responseId: string; send: () => Promise<{ status: number; body: string }> },
): Promise<Problems> {
  const { bot } = world;
  const mark = {
    slack: bot.slack.calls.length,
    sts: bot.sts.assumed.length,
    failures: bot.lambda.failures.length,
    mutations: world.mutationMark(),
    leaks: world.leaks.length,
    logs: world.logs.lines.length,
  };
  const response = await request.send();
  await bot.lambda.settled();
  const calls = bot.slack.calls.slice(mark.slack);
  const ack = parseAck(response.body);
  const answers = calls.filter(
    (c) => c.method === 'response_url' && c.path.endsWith(`/${request.responseId}`),
  );
  const crashed = [
    ...(response.status === 200 ? [] : [`HTTP ${response.status} ${response.body.slice(0, 100)}`]),
    ...bot.lambda.failures.slice(mark.failures).map((e) => `worker threw ${String(e).slice(0, 200)}`),
  ];
  const ackProblems = ack && (ack.text !== undefined || ack.blocks !== undefined) ? messageProblems(ack) : [];
  const viewProblems = ack?.view ? messageProblems(ack.view, 'modal') : [];
  const started = saysWorking(ack) || answers.some(saysWorking);
  const lost = [
    ...(started && !answers.some((a) => !saysWorking(a.body)) ? ['acked as started, never answered'] : []),
    ...world.logs
      .tracesSince(mark.logs)
      .filter((line) => line.includes(DROPPED) && line.includes('slackWorker'))
      .map(() => 'job acked, then dropped by the worker (quarantined)'),
  ];
  return {
    crashed,
    invalid: [
      ...ackProblems.map((p) => `ack ${p}`),
      ...viewProblems.map((p) => `ack view ${p}`),
      ...slackCallProblems(calls),
    ],
    lost,
    unauthorised: unauthorisedProblems(request.userId, {
      mutations: world.mutations(mark.mutations),
      assumedRoles: bot.sts.assumed.slice(mark.sts),
      leaks: world.leaks.slice(mark.leaks),
    }),
  };
}

function parseAck(body: string): Record<string, unknown> | undefined {
  try {
    return body ? (JSON.parse(body) as Record<string, unknown>) : undefined;
  } catch {
    return { text: body };
  }
}

/** One fuzz pass: the running bot, the generator, inputs per target, where figures go, which targets run. */
export interface FuzzPass {
  world: FuzzWorld;
  rng: Prng;
  runs: number;
  tally: Tally;
  wanted: (target: string) => boolean;
}

/** Generated arguments for every slash command. */
export async function fuzzCommands({ world, rng, runs, tally, wanted }: FuzzPass): Promise<void> {
  for (const command of COMMANDS.filter(wanted)) {
    const own = rng.fork(command);
    for (let i = 0; i < runs; i += 1) {
      const text = commandText(command, own);
      const userId = commandUser(own);
      const responseId = `${command.slice(1)}-${i}`;
      if (command === '/aws-cases') world.casesInSupport(own.chance(0.05));
      tally.tried(command);
      const problems = await exercise(world, {
        userId,
        responseId,
        send: () =>
          world.bot.command(command, text, { userId, responseId, triggerId: `${responseId}.${rng.seed}` }),
      });
      tally.record(command, { command, text, userId }, problems);
    }
  }
}

/** Notice ids of the Retag buttons the bot posted (auto-tagging notices), so clicks can reach real notices. */
export function postedNoticeIds(world: FuzzWorld): string[] {
  const text = JSON.stringify(world.bot.slack.callsOf('chat.postMessage').map((c) => c.body.blocks));
  return [...text.matchAll(/"action_id":"autotag_retag"[^}]*"value":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Block actions, view submissions and the message shortcut, with hostile values and forged metadata. */
export async function fuzzInteractions({ world, rng, runs, tally, wanted }: FuzzPass): Promise<void> {
  const noticeIds = postedNoticeIds(world);
  for (const kind of INTERACTIONS.filter(wanted)) {
    const own = rng.fork(kind);
    for (let i = 0; i < runs; i += 1) {
      const userId = own.pick([USERS.maker, USERS.admin, USERS.finops, USERS.alice, USERS.stranger]);
      const responseId = `${kind}-${i}`;
      const payload = interactionPayload(kind, own, {
        userId,
        responseUrl: world.bot.slack.responseUrl(responseId),
        foreignUrl: world.foreignUrl,
        noticeIds,
        tag: `${kind}${i}x${rng.seed}`,
      });
      tally.tried(kind);
      const problems = await exercise(world, {
        userId,
        responseId,
        send: () => world.bot.post(interactionBody(payload), FORM),
      });
      tally.record(kind, payload, problems);
    }
  }
}
