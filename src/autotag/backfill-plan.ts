import type { Creator } from './creator';
import type { TagApi } from './tagged-call';

/** One resource a backfill would tag: created in the window (CloudTrail), no creator tag found on it. */
export interface BackfillItem {
  arn: string;
  resourceType: string;
  tagApi: TagApi;
  account: string;
  region: string;
  creator: Pick<Creator, 'label' | 'arn' | 'person' | 'kind' | 'service'>;
  createdAt: string;
}

/** What a scan found, kept a day for the confirmation and the tagging job. */
export interface BackfillPlan {
  actor: string;
  windowDays: number;
  items: BackfillItem[];
  /** Per resource label (`RDS DB instance`): how many have no creator tag (deleted ones included: see the tally). */
  counts: Record<string, number>;
  /** Untagged resources found beyond what one plan holds (tag them with another backfill). */
  leftOut: number;
  /** Account and region pairs CloudTrail could not be read in, with the reason. */
  unreadable: string[];
}

/**
 * What a plan's items may take, as JSON: one state record is at most 400 KB in DynamoDB (names and values),
 * and the rest of the plan (counts, unreadable places) and the record's own attributes need the remainder.
 */
export const MAX_BACKFILL_ITEM_BYTES = 300_000;

/** The first items that fit one plan by size (an item's ARNs and creator can be a few hundred bytes or 3 KB). */
export function itemsWithinPlanSize(items: readonly BackfillItem[]): BackfillItem[] {
  let bytes = 0;
  const kept: BackfillItem[] = [];
  for (const item of items) {
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes > MAX_BACKFILL_ITEM_BYTES) break;
    kept.push(item);
  }
  return kept;
}

export const backfillKey = (planId: string) => `autotag#backfill#${planId}`;
export const BACKFILL_SECONDS = 24 * 60 * 60;
