import { hostileText } from './hostile-text';
import type { Prng } from './prng';

type Json = unknown;
type Path = (string | number)[];

const SOURCES = [
  'aws.health',
  'aws.ec2',
  'aws.cloudformation',
  'aws.events',
  'aws.servicecatalog',
  '',
  'AWS.HEALTH',
];
const DETAIL_TYPES = [
  'AWS Health Event',
  'AWS API Call via CloudTrail',
  'CloudFormation Stack Status Change',
  'Scheduled Event',
  'Object Created',
  '',
];
const ODD_VALUES: Json[] = [null, 0, -1, 1.5, 1e308, true, [], {}, '', 'string', [[]], { nested: { x: 1 } }];
const BIG_NUMBERS = [4294967296, 5_000_000, 2 ** 53, -1, 0, 0.5, Number.MAX_SAFE_INTEGER];

/** Every path into the value (objects and arrays), at most 8 levels deep. */
function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 8 || out.length > 500) return out;
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    out.push([...prefix, key]);
    paths(item, [...prefix, key], out);
  }
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json> | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, Json> | undefined;
  return node && typeof node === 'object' ? node : undefined;
}

function hugeString(rng: Prng): string {
  return rng
    .pick(['<', 'ü', '€', 'a', '&', '\u200b', '🧨'])
    .repeat(rng.chance(0.1) ? 300_000 : rng.pick([300, 1100, 3001, 70_000]));
}

function nested(depth: number, leaf: Json): Json {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Breaks the `Key='value'` lines of a CloudFormation SNS notification. */
export function breakKeyValueLines(message: string, rng: Prng): string {
  const lines = message.split('\n');
  const i = rng.int(0, Math.max(0, lines.length - 1));
  const line = lines[i] ?? '';
  switch (rng.int(0, 7)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, line);
      break;
    case 2:
      lines[i] = line.replaceAll("'", '');
      break;
    case 3:
      lines[i] = line.replace(/'$/, " '");
      break;
    case 4:
      lines[i] = line.replace(/'$/, '');
      break;
    case 5:
      lines[i] = line.replace(/='.*'$/, `='${hugeString(rng)}'`);
      break;
    case 6:
      return lines.join('\r\n');
    default:
      lines[i] = `${line.split('=')[0]}='${hostileText(rng)}'`;
  }
  return lines.join('\n');
}

/** One mutation of a copy of `event`; `how` says what was done (printed with a finding). */
export function mutateEvent(event: Json, rng: Prng): { event: Json; how: string } {
  const copy = structuredClone(event) as Record<string, Json>;
  const all = paths(copy);
  const path = all.length > 0 ? rng.pick(all) : [];
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  const at = path.join('.');
  const op = rng.int(0, 9);
  if (op === 0 && parent && key !== undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return { event: copy, how: `dropped ${at}` };
  }
  if (op === 1 && parent && key !== undefined) {
    parent[key] = structuredClone(rng.pick(ODD_VALUES));
    return { event: copy, how: `${at} = ${JSON.stringify(parent[key])}` };
  }
  if (op === 2) {
    const strings = all.filter((p) => typeof parentOf(copy, p)?.[p[p.length - 1] ?? ''] === 'string');
    const target = strings.length > 0 ? rng.pick(strings) : path;
    const owner = parentOf(copy, target);
    if (owner) owner[target[target.length - 1] ?? ''] = hugeString(rng);
    return { event: copy, how: `huge string at ${target.join('.')}` };
  }
  if (op === 3 && parent && key !== undefined) {
    const depth = rng.pick([50, 1000, 5000]);
    parent[key] = nested(depth, 'deep');
    return { event: copy, how: `${depth}-level nesting at ${at}` };
  }
  if (op === 4) {
    if (rng.chance(0.5)) copy.source = rng.pick(SOURCES);
    else copy['detail-type'] = rng.pick(DETAIL_TYPES);
    return { event: copy, how: `source ${String(copy.source)} / detail-type ${String(copy['detail-type'])}` };
  }
  if (op === 5) {
    const numbers = all.filter((p) => typeof parentOf(copy, p)?.[p[p.length - 1] ?? ''] === 'number');
    const target = numbers.length > 0 ? rng.pick(numbers) : ['detail', 'totalPages'];
    const owner = parentOf(copy, target);
    const value = rng.pick(BIG_NUMBERS);
    if (owner) owner[target[target.length - 1] ?? ''] = value;
    return { event: copy, how: `${target.join('.')} = ${value}` };
  }
  if (op === 6) {
    const arrays = all.filter((p) => Array.isArray(parentOf(copy, p)?.[p[p.length - 1] ?? '']));
    if (arrays.length > 0) {
      const target = rng.pick(arrays);
      const list = parentOf(copy, target)?.[target[target.length - 1] ?? ''] as Json[];
      const times = rng.pick([10, 200, 2000]);
      const first = list[0] ?? 'x';
      for (let i = 0; i < times; i += 1) list.push(structuredClone(first));
      return { event: copy, how: `${target.join('.')} repeated ${times}×` };
    }
  }
  const sns = (copy.Records as { Sns?: { Message?: unknown } }[] | undefined)?.[0]?.Sns;
  if (op === 7 && typeof sns?.Message === 'string') {
    sns.Message = breakKeyValueLines(sns.Message, rng);
    return { event: copy, how: 'broken Key=value lines' };
  }
  if (parent && key !== undefined) {
    parent[key] = hostileText(rng);
    return { event: copy, how: `${at} = hostile text` };
  }
  return { event: rng.pick(ODD_VALUES), how: 'not an object' };
}
