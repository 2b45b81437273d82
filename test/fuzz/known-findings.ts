import type { FindingKind } from './tally';

/** A finding the short fuzz run (fuzz.test.ts) still expects, until the fix named by `issue` is merged. */
export interface KnownFinding {
  target: string;
  kind: FindingKind;
  problem: RegExp;
  /** Issue 11's defect number that removes it. */
  issue: string;
}

/**
 * Open findings on main, fixed on other branches. The lead removes an entry when its fix is merged: the short
 * run then fails if the finding still occurs (not fixed) — and also fails while an entry stays here whose finding
 * no longer occurs, so this list cannot rot.
 */
export const KNOWN_FINDINGS: KnownFinding[] = [];
