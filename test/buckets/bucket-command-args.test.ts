import { describe, expect, it } from 'vitest';
import { jsonKeyFor, parseBucketCommand } from '../../src/buckets/bucket-command-args';

describe('parseBucketCommand', () => {
  it.each([
    ['', { sub: 'help' }],
    ['help', { sub: 'help' }],
    ['ls', { sub: 'ls' }],
    ['ls stg- account=staging', { sub: 'ls', prefix: 'stg-', account: 'staging' }],
    ['info stg-data', { sub: 'info', bucket: 'stg-data' }],
    ['create stg-data', { sub: 'create', bucket: 'stg-data' }],
    [
      'create stg-data eu-west-1 account=333333333333',
      { sub: 'create', bucket: 'stg-data', region: 'eu-west-1', account: '333333333333' },
    ],
    [
      'convert stg-data in/sales.csv',
      { sub: 'convert', bucket: 'stg-data', key: 'in/sales.csv', to: 'in/sales.json' },
    ],
    [
      'convert stg-data a.csv to=out/a.json',
      { sub: 'convert', bucket: 'stg-data', key: 'a.csv', to: 'out/a.json' },
    ],
    [
      'convert stg-data "my file.csv"',
      { sub: 'convert', bucket: 'stg-data', key: 'my file.csv', to: 'my file.json' },
    ],
    ['convert stg-data a&amp;b.csv', { sub: 'convert', bucket: 'stg-data', key: 'a&b.csv', to: 'a&b.json' }],
    [
      'website stg-site',
      { sub: 'website', bucket: 'stg-site', indexDocument: 'index.html', errorDocument: 'error.html' },
    ],
    [
      'website stg-site home.html 404.html',
      { sub: 'website', bucket: 'stg-site', indexDocument: 'home.html', errorDocument: '404.html' },
    ],
  ])('"%s" → %j', (text, command) => {
    expect(parseBucketCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['create', /needs a bucket name/],
    ['create Bad_Name', /not a valid bucket name[\s\S]*lowercase/],
    ['create stg-data mars-north-9x', /not an AWS region/],
    ['create stg-data eu-west-1 extra', /Too many words/],
    ['convert stg-data', /key of the CSV/],
    ['convert stg-data a.json to=a.json', /another key/],
    ['ls account=', /account= needs/],
    ['info stg-data to=x.json', /to= only goes with convert/],
    ['website stg-site pages/index.html', /without "\/"/],
    ['delete stg-data', /not a \/aws-bucket subcommand/],
    [`ls ${'a'.repeat(64)}`, /at most 63 characters/],
    [`website stg-site ${'i'.repeat(1025)}`, /at most 1024 bytes/],
    ['convert stg-data a.csv to=../../x', /"\.\." segment/],
    ['convert stg-data ../../etc/a.csv', /"\.\." segment/],
    ['convert stg-data a.csv to=out/./a.json', /"\." segment/],
    ['convert stg-data a.csv to=out\\..\\a.json', /"\.\." segment/],
    ['website stg-site index.html ../error.html', /"\.\." segment/],
    ['website stg-site ..', /"\.\." segment/],
  ])('"%s" is refused with a reason', (text, reason) => {
    const parsed = parseBucketCommand(text);

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problems.join('\n')).toMatch(reason);
  });
});

describe('jsonKeyFor', () => {
  it.each([
    ['x.csv', 'x.json'],
    ['x.CSV', 'x.json'],
    ['x.txt', 'x.txt.json'],
  ])('%s → %s', (key, json) => {
    expect(jsonKeyFor(key)).toBe(json);
  });
});
