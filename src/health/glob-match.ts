const cache = new Map<string, RegExp>();

/** `*` matches any run of characters, `?` one; everything else literally; case-insensitive, whole string. */
export function globMatches(pattern: string, value: string): boolean {
  let regex = cache.get(pattern);
  if (!regex) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}$`, 'i');
    cache.set(pattern, regex);
  }
  return regex.test(value);
}

export function anyGlobMatches(patterns: readonly string[] | undefined, value: string): boolean {
  return patterns === undefined || patterns.some((pattern) => globMatches(pattern, value));
}
