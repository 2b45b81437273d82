/** Characters AWS accepts in tag values across services: letters, digits, white space and `_ . : / = + - @`. */
const DISALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

export const TAG_VALUE_MAX = 256;

/**
 * Makes any string a valid tag value: characters outside the allowed set become `_`, runs of white space one
 * space, and the result is cut to 256 characters (code points, never a split surrogate pair) ending in `...`
 * (`…` is not an allowed character) so a reader can tell it was shortened. Empty input gives `unknown`.
 */
export function cleanTagValue(raw: string, max = TAG_VALUE_MAX): string {
  const cleaned = raw.replace(/\s+/gu, ' ').replace(DISALLOWED, '_').trim();
  if (cleaned === '') return 'unknown';
  const chars = Array.from(cleaned);
  if (chars.length <= max) return cleaned;
  return `${chars
    .slice(0, max - 3)
    .join('')
    .trimEnd()}...`;
}

/** Whether AWS would accept `value` as is (used by tests and to check values we did not write). */
export function isValidTagValue(value: string): boolean {
  return Array.from(value).length <= TAG_VALUE_MAX && !new RegExp(DISALLOWED.source, 'u').test(value);
}
