import { globMatches } from '../config/glob-pattern';
/**
 * S3's naming rules for general purpose buckets, checked locally before any AWS call so a person learns every
 * problem with a name at once. Source: "Bucket naming rules" in the Amazon S3 user guide.
 */

/** Prefixes S3 reserves (creating such a bucket fails, or it is meant for examples only). */
export const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;

/** Suffixes S3 reserves for access point aliases, Object Lambda, directory buckets, tables, MRAP. */
export const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

const IP_FORM = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Every rule `name` breaks, each as a sentence a person can act on; an empty list means the name is valid. */
export function bucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) {
    problems.push(`It is ${name.length} characters long; bucket names are 3 to 63 characters.`);
  }
  const bad = [...new Set(name.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ');
    const upper = bad.some((c) => c !== c.toLowerCase()) ? ' (use lowercase letters)' : '';
    problems.push(
      `It contains ${shown}; only lowercase letters, digits, dots (.) and hyphens (-) are allowed${upper}.`,
    );
  }
  if (name.length > 0 && (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))) {
    problems.push('It must begin and end with a lowercase letter or a digit.');
  }
  if (name.includes('..')) problems.push('It has two dots in a row (..), which S3 does not allow.');
  if (IP_FORM.test(name))
    problems.push('It looks like an IP address (such as 192.168.5.4), which S3 forbids.');
  for (const prefix of RESERVED_PREFIXES) {
    if (name.startsWith(prefix)) problems.push(`It starts with "${prefix}", a prefix S3 reserves.`);
  }
  for (const suffix of RESERVED_SUFFIXES) {
    if (name.endsWith(suffix)) problems.push(`It ends with "${suffix}", a suffix S3 reserves.`);
  }
  return problems;
}

/** Does `name` match one of the glob patterns (`*` any run of characters, `?` one character)? */
export function matchesNamePattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globMatches(pattern, name));
}
