import { awsRegion } from '../config/schema-parts';
import { commandWords } from '../slack/api/command-words';
import { bucketNameProblems } from './bucket-name-rules';
import { objectKeyProblems } from './object-key';

/** What a person asked `/aws-bucket` for, before accounts, patterns and permissions are looked at. */
export type BucketCommand =
  | { sub: 'help' }
  | { sub: 'ls'; prefix?: string; account?: string }
  | { sub: 'info'; bucket: string; account?: string }
  | { sub: 'create'; bucket: string; region?: string; account?: string }
  | { sub: 'convert'; bucket: string; key: string; to: string; account?: string }
  | { sub: 'website'; bucket: string; indexDocument: string; errorDocument: string; account?: string };

export type ParsedBucketCommand = { ok: true; command: BucketCommand } | { ok: false; problems: string[] };

/** Parses the text after `/aws-bucket`; every problem is a sentence for the usage reply. */
export function parseBucketCommand(text: string): ParsedBucketCommand {
  const words = commandWords(text);
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const word of words) {
    const option = /^(account|to)=(.*)$/i.exec(word);
    if (option) named.set(option[1]?.toLowerCase() ?? '', option[2] ?? '');
    else positional.push(word);
  }
  const [sub = 'help', ...rest] = positional;
  const account = named.get('account');
  if (account === '') return fail('account= needs an account id or name, e.g. account=staging.');
  const withAccount = account === undefined ? {} : { account };
  const extra = (max: number) =>
    rest.length > max ? [`Too many words after "${sub}": ${rest.slice(max).join(' ')}`] : [];
  if (named.has('to') && sub.toLowerCase() !== 'convert') return fail('to= only goes with convert.');

  switch (sub.toLowerCase()) {
    case 'help':
      return { ok: true, command: { sub: 'help' } };
    case 'ls': {
      const [prefix] = rest;
      const problems = extra(1);
      if (prefix && prefix.length > 63) {
        problems.push('Bucket names are at most 63 characters, so no bucket starts with that prefix.');
      }
      return problems.length > 0
        ? { ok: false, problems }
        : { ok: true, command: { sub: 'ls', ...(prefix ? { prefix } : {}), ...withAccount } };
    }
    case 'info': {
      const [bucket] = rest;
      const problems = [...needBucket(bucket, 'info'), ...extra(1)];
      return bucket && problems.length === 0
        ? { ok: true, command: { sub: 'info', bucket, ...withAccount } }
        : { ok: false, problems };
    }
    case 'create': {
      const [bucket, region] = rest;
      const problems = [...needBucket(bucket, 'create'), ...extra(2)];
      if (region !== undefined && !awsRegion.safeParse(region).success) {
        problems.push(`"${region}" is not an AWS region (such as eu-west-1).`);
      }
      return bucket && problems.length === 0
        ? { ok: true, command: { sub: 'create', bucket, ...(region ? { region } : {}), ...withAccount } }
        : { ok: false, problems };
    }
    case 'convert': {
      const [bucket, key] = rest;
      const problems = [...needBucket(bucket, 'convert'), ...extra(2)];
      if (!key) problems.push('convert needs the key of the CSV object, e.g. reports/sales.csv.');
      const to = named.get('to') ?? (key ? jsonKeyFor(key) : '');
      if (named.get('to') === '')
        problems.push('to= needs the key of the JSON object, e.g. to=out/sales.json.');
      for (const k of [key, to]) if (k) problems.push(...objectKeyProblems(k));
      if (key && to === key) problems.push('to= must name another key than the CSV itself.');
      return bucket && key && problems.length === 0
        ? { ok: true, command: { sub: 'convert', bucket, key, to, ...withAccount } }
        : { ok: false, problems };
    }
    case 'website': {
      const [bucket, indexDocument = 'index.html', errorDocument = 'error.html'] = rest;
      const problems = [...needBucket(bucket, 'website'), ...extra(3)];
      if (indexDocument.includes('/') || indexDocument === '') {
        problems.push(`The index document "${indexDocument}" must be a file name without "/".`);
      }
      for (const document of [indexDocument, errorDocument]) problems.push(...objectKeyProblems(document));
      return bucket && problems.length === 0
        ? { ok: true, command: { sub: 'website', bucket, indexDocument, errorDocument, ...withAccount } }
        : { ok: false, problems };
    }
    default:
      return fail(`"${sub}" is not a /aws-bucket subcommand.`);
  }
}

/** `data/sales.csv` → `data/sales.json`; any other key gets `.json` appended. */
export function jsonKeyFor(key: string): string {
  return /\.csv$/i.test(key) ? key.replace(/\.csv$/i, '.json') : `${key}.json`;
}

function needBucket(bucket: string | undefined, sub: string): string[] {
  if (!bucket) return [`${sub} needs a bucket name.`];
  const problems = bucketNameProblems(bucket);
  return problems.length > 0 ? [`"${bucket}" is not a valid bucket name:`, ...problems] : [];
}

function fail(problem: string): ParsedBucketCommand {
  return { ok: false, problems: [problem] };
}
