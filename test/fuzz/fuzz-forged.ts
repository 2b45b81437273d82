import { slashCommandBody } from '../../src/local/sign-slack-request';
import type { FuzzWorld } from './fuzz-world';
import type { Prng } from './prng';
import type { Tally } from './tally';

const TARGET = 'forged/replayed';

/**
 * Requests Slack did not send as they arrive: no or a wrong signature, timestamps too old or in the future,
 * a signed body replayed. Any of them that gets past the signature check (200, or any Slack, AWS or worker call)
 * is unauthorised; a replay may start at most one job.
 */
export async function fuzzForged(world: FuzzWorld, rng: Prng, runs: number, tally: Tally): Promise<void> {
  const { bot } = world;
  const own = rng.fork(TARGET);
  const now = () => Math.floor(Date.now() / 1000);
  for (let i = 0; i < runs; i += 1) {
    const kind = own.pick(['wrong secret', 'no signature', 'old', 'future', 'tampered', 'replayed']);
    const responseId = `forged-${i}`;
    const body = slashCommandBody({
      command: own.pick(['/aws-whoami', '/aws-cases', '/aws-bucket']),
      text: own.pick(['', '222222222222', '7d', 'create stg-forged']),
      responseUrl: bot.slack.responseUrl(responseId),
      triggerId: `forged-${i}.${rng.seed}`,
      userId: 'U0MAKER01',
    });
    const skew = own.pick([6 * 60, 10 * 60, 3600, 365 * 86400]);
    const mark = {
      slack: bot.slack.calls.length,
      lambda: bot.lambda.invocations.length,
      sts: bot.sts.assumed.length,
    };
    const statuses: number[] = [];
    tally.tried(TARGET);
    const send = async (options: { secret?: string; timestamp?: number }, payload = body) =>
      statuses.push((await bot.post(payload, 'application/x-www-form-urlencoded', options)).status);
    if (kind === 'wrong secret') await send({ secret: 'not-the-secret' });
    if (kind === 'old') await send({ timestamp: now() - skew });
    if (kind === 'future') await send({ timestamp: now() + skew });
    if (kind === 'tampered') {
      const res = await fetch(bot.eventsUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(now()),
          'x-slack-signature': 'v0=00',
        },
        body,
      });
      statuses.push(res.status);
    }
    if (kind === 'no signature') {
      const res = await fetch(bot.eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      statuses.push(res.status);
    }
    if (kind === 'replayed') {
      await send({});
      await send({});
    }
    await bot.lambda.settled();
    const jobs = bot.lambda.invocations.length - mark.lambda;
    const unauthorised =
      kind === 'replayed'
        ? jobs > 1
          ? [`a replayed signed request started ${jobs} jobs`]
          : []
        : [
            ...(statuses.some((s) => s !== 401)
              ? [`${kind} request answered ${statuses.join(',')} (skew ${skew}s)`]
              : []),
            ...(jobs > 0 || bot.sts.assumed.length > mark.sts ? [`${kind} request started work`] : []),
          ];
    tally.record(TARGET, { kind, skew, body: body.slice(0, 200) }, { unauthorised });
  }
}
