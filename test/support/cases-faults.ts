/**
 * The faults of issue 10.7's benchmark, spread over the accounts (indices): 24 accounts throttled (every 8th from
 * the 3rd) and 21 refusing AssumeRole (every 10th from the 4th); never the same account.
 */
export function casesFaultPlan(accounts: number): { throttled: number[]; denied: number[] } {
  const indices = (step: number, from: number, count: number) =>
    Array.from({ length: count }, (_, k) => from + step * k).filter((i) => i < accounts);
  return { throttled: indices(8, 2, 24), denied: indices(10, 3, 21) };
}

/**
 * Issue 16.6's faults at scale: 10 % of the accounts throttled (every 10th from the 2nd) and 5 % refusing
 * AssumeRole (every 20th from the 6th); never the same account.
 */
export function casesScaleFaultPlan(accounts: number): { throttled: number[]; denied: number[] } {
  const every = (step: number, from: number) =>
    Array.from({ length: Math.ceil(accounts / step) }, (_, k) => from + step * k).filter((i) => i < accounts);
  return { throttled: every(10, 1), denied: every(20, 5) };
}
