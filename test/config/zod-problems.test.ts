import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { describeZodProblems, fieldPath } from '../../src/config/zod-problems';

describe('fieldPath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(fieldPath(['accounts', 2, 'roles', 'whoami'])).toBe('accounts[2].roles.whoami');
    expect(fieldPath([0, 'id'])).toBe('[0].id');
    expect(fieldPath([])).toBe('');
  });
});

describe('describeZodProblems', () => {
  it('gives one "<field>: <problem>" line per issue, "(top level)" for the root', () => {
    const schema = z.object({ a: z.array(z.string().min(2, { message: 'too short' })) });

    const nested = schema.safeParse({ a: ['ok', 'x'] });
    const root = schema.safeParse('not an object');

    expect(nested.success || describeZodProblems(nested.error)).toEqual(['a[1]: too short']);
    expect(root.success || describeZodProblems(root.error)).toEqual([
      expect.stringMatching(/^\(top level\): /),
    ]);
  });
});
