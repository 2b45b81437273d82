import { describe, expect, it } from 'vitest';
import { bucketNameProblems, matchesNamePattern } from '../../src/buckets/bucket-name-rules';
import names from '../fixtures/buckets/bucket-names.json';

describe('bucketNameProblems', () => {
  it.each(names.valid)('accepts %s', (name) => {
    expect(bucketNameProblems(name)).toEqual([]);
  });

  it.each(names.invalid)('refuses $name, naming the rule ($rule)', ({ name, rule }) => {
    const problems = bucketNameProblems(name);

    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ')).toContain(rule);
  });

  it('lists every broken rule at once', () => {
    const problems = bucketNameProblems('-Bad..Name_');

    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/"B".*"N".*"_"/);
  });
});

describe('matchesNamePattern', () => {
  it.each([
    ['stg-reports', ['stg-*'], true],
    ['prod-reports', ['stg-*'], false],
    ['stgxreports', ['stg.*'], false],
    ['team-a1', ['team-??'], true],
    ['team-a12', ['team-??'], false],
    ['other', ['stg-*', 'other'], true],
  ])('%s against %j → %s', (name, patterns, expected) => {
    expect(matchesNamePattern(name, patterns)).toBe(expected);
  });
});
