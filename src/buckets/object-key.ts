import * as z from 'zod';

/** S3's limit on a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/**
 * Why a key is refused, as sentences for the person (none: the key is fine). Beyond S3's own rules, a `.` or
 * `..` segment (between `/` or `\`) is refused: S3 stores it as written, but the console, sync tools and
 * websites resolve it to another folder, so `to=../../x` would land outside the folder it seems to name.
 */
export function objectKeyProblems(key: string): string[] {
  if (key === '') return ['An object key cannot be empty.'];
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return ['An object key is at most 1024 bytes long.'];
  const problems: string[] = [];
  if (key.startsWith('/')) problems.push(`The key "${key}" starts with "/"; S3 keys usually do not.`);
  const dots = key.split(/[/\\]/).find((segment) => segment === '.' || segment === '..');
  if (dots) {
    problems.push(
      `The key "${key}" has a "${dots}" segment, which tools resolve to another folder; ` +
        'name the object without "." or ".." between slashes.',
    );
  }
  return problems;
}

/** An object key as jobs carry it: the same rules, so the worker refuses what the Slack side refuses. */
export const objectKeySchema = z.string().superRefine((key, context) => {
  for (const message of objectKeyProblems(key)) context.addIssue({ code: 'custom', message });
});
