/**
 * The one glob matcher of the config (Health routes, catalog product routes, bucket name patterns): `*` matches any
 * run of characters, `?` exactly one, everything else itself; case-insensitive; the whole value must match.
 *
 * Greedy with a single backtrack point (the last `*`), so at most (pattern + 1) × (value + 1) steps: a hostile
 * pattern such as `*a*a*a*a*b` cannot make it blow up as a RegExp of `.*` does.
 */
export function globMatches(pattern: string, value: string): boolean {
  return run(pattern, value).matched;
}

/** How many steps `globMatches` takes, for tests that bound its work without a clock. */
export function globMatchSteps(pattern: string, value: string): number {
  return run(pattern, value).steps;
}

function run(pattern: string, value: string): { matched: boolean; steps: number } {
  const p = Array.from(pattern.toLowerCase());
  const v = Array.from(value.toLowerCase());
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  let steps = 0;
  while (vi < v.length) {
    steps += 1;
    if (pi < p.length && p[pi] === '*') {
      star = pi;
      pi += 1;
      resume = vi;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi += 1;
      vi += 1;
    } else if (star !== -1) {
      pi = star + 1;
      resume += 1;
      vi = resume;
    } else {
      return { matched: false, steps };
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return { matched: pi === p.length, steps };
}
