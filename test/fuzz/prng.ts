/**
 * A small seeded PRNG (mulberry32) so every fuzz run can be repeated exactly: the seed is printed, and
 * `FUZZ_SEED=<n>` plays the same inputs again.
 */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A child generator, so each target's inputs do not depend on how many inputs another target drew. */
  fork(label: string): Prng {
    let hash = this.seed >>> 0;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    return new Prng(hash);
  }
}

/** `FUZZ_SEED` or a fresh seed; `FUZZ_RUNS` or the given default. */
export function fuzzSettings(defaultRuns: number): { seed: number; runs: number } {
  const seed = Number.parseInt(process.env.FUZZ_SEED ?? '', 10);
  const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);
  return {
    seed: Number.isFinite(seed) ? seed : Math.floor(Math.random() * 2 ** 31),
    runs: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
  };
}
