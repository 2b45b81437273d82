import { accountArgument, hostileText, windowArgument } from './hostile-text';
import type { Prng } from './prng';

/** Slack users of the fuzz config: an allow-listed maker, an admin, a retagger, a launcher and a stranger. */
export const USERS = {
  maker: 'U0MAKER01',
  admin: 'U0ADMIN001',
  finops: 'U0FINOPS01',
  alice: 'U0ALICE001',
  stranger: 'U0STRANGE',
} as const;

export const COMMANDS = ['/aws-help', '/aws-whoami', '/aws-cases', '/aws-bucket'] as const;
export type CommandName = (typeof COMMANDS)[number];

const BUCKETS = [
  'stg-data',
  'stg-site',
  'payments-x',
  'prod-data',
  'Bad_Name',
  '192.168.1.1',
  'xn--stg',
  'ab',
];
const KEYS = ['a.csv', 'dir/a.csv', '../../x', 'a b.csv', '"a b.csv"', '.', '..', '/', 'x'.repeat(1100)];

/** The words of `/aws-bucket <sub> …`, mostly well-formed enough to reach the worker, some hostile. */
function bucketWords(rng: Prng): string[] {
  const bucket = () => (rng.chance(0.85) ? rng.pick(BUCKETS) : hostileText(rng));
  const key = () => (rng.chance(0.8) ? rng.pick(KEYS) : hostileText(rng));
  const account = () => (rng.chance(0.3) ? [`account=${accountArgument(rng)}`] : []);
  switch (rng.pick(['help', 'ls', 'info', 'create', 'convert', 'website', 'other'])) {
    case 'help':
      return ['help'];
    case 'ls':
      return ['ls', ...(rng.chance(0.5) ? [bucket()] : []), ...account()];
    case 'info':
      return ['info', bucket(), ...account()];
    case 'create':
      return [
        'create',
        bucket(),
        ...(rng.chance(0.4) ? [rng.pick(['eu-west-1', 'us-east-1', 'mars-1'])] : []),
        ...account(),
      ];
    case 'convert':
      return [
        'convert',
        bucket(),
        key(),
        `to=${rng.chance(0.2) ? '' : key().replace(/\.csv$/, '.json')}`,
        ...account(),
      ];
    case 'website':
      return [
        'website',
        bucket(),
        ...(rng.chance(0.7) ? [key(), rng.chance(0.2) ? '' : key()] : []),
        ...account(),
      ];
    default:
      return [hostileText(rng)];
  }
}

/** The text typed after a command. */
export function commandText(command: CommandName, rng: Prng): string {
  const noise = () => (rng.chance(0.25) ? [hostileText(rng)] : []);
  switch (command) {
    case '/aws-help':
      return rng.chance(0.3) ? '' : hostileText(rng);
    case '/aws-whoami':
      return rng.chance(0.2) ? '' : [accountArgument(rng), ...noise()].join(' ');
    case '/aws-cases':
      return [
        ...(rng.chance(0.8) ? [windowArgument(rng)] : []),
        ...(rng.chance(0.4) ? [`account=${accountArgument(rng)}`] : []),
        ...(rng.chance(0.1) ? ['public'] : []),
        ...noise(),
      ].join(' ');
    case '/aws-bucket':
      return [...bucketWords(rng), ...noise()].join(' ');
  }
}

/** Who sends it: mostly people allowed to mutate, so the worker paths run, and strangers for refusals. */
export function commandUser(rng: Prng): string {
  return rng.pick([USERS.maker, USERS.maker, USERS.admin, USERS.stranger, USERS.finops]);
}
