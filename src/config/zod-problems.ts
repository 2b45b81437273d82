import type * as z from 'zod';

/** `accounts[2].id` from zod's `['accounts', 2, 'id']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc === '' ? String(part) : `${acc}.${String(part)}`;
  }, '');
}

/** One line per problem: `<field>: <what is wrong>`, the form every config and input error takes. */
export function describeZodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path) || '(top level)'}: ${issue.message}`);
}
