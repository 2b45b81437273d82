/** What can go wrong with one input; each finding keeps the first input that showed it. */
export const FINDING_KINDS = ['crashed', 'invalid', 'lost', 'unauthorised'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  target: string;
  kind: FindingKind;
  /** What was wrong, e.g. `blocks[2].text.text: 3120 characters, limit 3000`. */
  problem: string;
  /** The input that showed it (cut to keep the report readable). */
  example: string;
}

/** Counts per target: inputs tried, and inputs with each kind of finding. */
export class Tally {
  private readonly rows = new Map<string, Record<'tried' | FindingKind, number>>();
  /** The first example of each distinct (target, kind, problem). */
  readonly findings = new Map<string, Finding>();
  private readonly millis = new Map<string, number>();
  private startedAt = 0;

  /** One more input for `target` (sequential: the time until `record` is this input's). */
  tried(target: string): void {
    this.row(target).tried += 1;
    this.startedAt = Date.now();
  }

  /** Records one input's problems (each kind counted once per input). */
  record(target: string, input: unknown, problems: Partial<Record<FindingKind, string[]>>): void {
    this.millis.set(target, (this.millis.get(target) ?? 0) + Date.now() - this.startedAt);
    for (const kind of FINDING_KINDS) {
      const list = problems[kind] ?? [];
      if (list.length === 0) continue;
      this.row(target)[kind] += 1;
      for (const problem of list) {
        const key = `${target}|${kind}|${problemClass(problem)}`;
        if (!this.findings.has(key))
          this.findings.set(key, {
            target,
            kind,
            problem: problem.slice(0, 300),
            example: describeInput(input),
          });
      }
    }
  }

  /** The figures as JSON, to be merged by the process that printed the table (`npm run fuzz` runs shards). */
  toJSON() {
    return { rows: [...this.rows], millis: [...this.millis], findings: [...this.findings] };
  }

  merge(other: ReturnType<Tally['toJSON']>): void {
    for (const [target, row] of other.rows) this.rows.set(target, row);
    for (const [target, ms] of other.millis) this.millis.set(target, ms);
    for (const [key, finding] of other.findings) if (!this.findings.has(key)) this.findings.set(key, finding);
  }

  get failed(): number {
    let total = 0;
    for (const row of this.rows.values()) for (const kind of FINDING_KINDS) total += row[kind];
    return total;
  }

  /** The table `npm run fuzz` prints. */
  table(): string {
    const header = ['target', 'tried', ...FINDING_KINDS, 'seconds'];
    const lines = [...this.rows].map(([target, row]) => [
      target,
      ...['tried', ...FINDING_KINDS].map((h) => String(row[h as 'tried'])),
      ((this.millis.get(target) ?? 0) / 1000).toFixed(1),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
    const format = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ');
    return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
  }

  private row(target: string) {
    let row = this.rows.get(target);
    if (!row) {
      row = { tried: 0, crashed: 0, invalid: 0, lost: 0, unauthorised: 0 };
      this.rows.set(target, row);
    }
    return row;
  }
}

/** Problems that differ only in numbers or quoted values are one finding (`3120 characters` ~ `4001 characters`). */
export function problemClass(problem: string): string {
  return problem
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}

function describeInput(input: unknown): string {
  let text: string;
  try {
    text = typeof input === 'string' ? input : JSON.stringify(input);
  } catch {
    text = `${String(input)} (too deep to print)`;
  }
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}
