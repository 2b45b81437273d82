import type { Creator } from './creator';
import type { TagApi } from './tagged-call';

/** One resource a backfill would tag: found in CloudTrail, still without the creator tag. */
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
  /** Per resource label (`RDS DB instance`): how many untagged ones still exist. */
  counts: Record<string, number>;
  /** Untagged resources found beyond what one plan holds (tag them with another backfill). */
  leftOut: number;
  /** Account and region pairs CloudTrail could not be read in, with the reason. */
  unreadable: string[];
}

/** A plan's items fit one state record (DynamoDB's 400 KB) with room to spare. */
export const MAX_BACKFILL_ITEMS = 800;

export const backfillKey = (planId: string) => `autotag#backfill#${planId}`;
export const BACKFILL_SECONDS = 24 * 60 * 60;
