import type { Prng } from './prng';

/** Pieces of text people (or attackers) type into Slack, as Slack delivers them (it escapes `&`, `<`, `>`). */
const PIECES = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0HOSTILE1>',
  '<!subteam^S0HOSTILE|@cloud>',
  '<https://x.example|y>',
  '<mailto:a@b.example|mail>',
  '&lt;!channel&gt;',
  '&amp;lt;',
  '&lt;',
  '&gt;',
  '&amp;',
  '"quoted words"',
  "'single'",
  '`code`',
  '*bold*',
  '$(reboot)',
  '`rm -rf /`',
  '; ls | cat && echo $HOME > /dev/null',
  '../../etc/passwd',
  '%00',
  '\\',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u200f',
  'مرحبا',
  'שלום',
  '日本語',
  '🧨',
  '👩🏽‍💻',
  'e\u0301',
  '\t',
  '\n',
  '   ',
];

const WORDS = [
  'stg-data',
  'a.csv',
  'prod',
  'staging',
  'eu-west-1',
  'help',
  'list',
  'info',
  'x',
  '7d',
  'to=x.json',
];

/** A random hostile piece of text (sometimes very long). */
export function hostileText(rng: Prng): string {
  const roll = rng.next();
  if (roll < 0.05) return rng.pick(PIECES).repeat(rng.int(200, 1000)).slice(0, 4000);
  if (roll < 0.1) return 'x'.repeat(rng.int(3990, 4000));
  if (roll < 0.15) return randomUnicode(rng, rng.int(1, 60));
  const parts: string[] = [];
  for (let i = rng.int(1, 4); i > 0; i -= 1) parts.push(rng.chance(0.5) ? rng.pick(PIECES) : rng.pick(WORDS));
  return parts.join(rng.chance(0.8) ? ' ' : '');
}

/** Code points from every plane, including unpaired surrogates and controls. */
export function randomUnicode(rng: Prng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    const plane = rng.pick([0x7f, 0x7ff, 0xffff, 0x10ffff]);
    text += String.fromCodePoint(rng.int(0, plane));
  }
  return text;
}

/** Account arguments: configured names and ids, ids outside the organisation, and near-misses. */
export function accountArgument(rng: Prng): string {
  return rng.pick([
    'staging',
    'STAGING',
    'prod-payments',
    '222222222222',
    '333333333333',
    '123456789012',
    '000000000000',
    '99999999999',
    '1234567890123',
    '-22222222222',
    '２２２２２２２２２２２２',
    '222222222222\u200b',
    '&lt;@U0HOSTILE1&gt;',
    '',
    hostileText(rng),
  ]);
}

/** `/aws-cases` windows, good and bad. */
export function windowArgument(rng: Prng): string {
  return rng.pick([
    '7d',
    '1d',
    '0d',
    '1.5d',
    '99999d',
    '-1d',
    '30',
    '2w',
    '24h',
    'd',
    '1e3d',
    '٧d',
    hostileText(rng),
  ]);
}
