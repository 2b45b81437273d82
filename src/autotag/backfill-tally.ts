/**
 * What became of each resource of a confirmed backfill. `gone` ones no longer exist: the scan could not tell
 * them apart (GetResources lists neither deleted nor never-tagged resources), the tag call can.
 */
export interface BackfillTally {
  /** Tags written. */
  tagged: number;
  /** Of the tagged ones: an Owner it already had was kept (`overwriteExisting` off). */
  ownerKept: number;
  /** Nothing written: it already had other values for every tag key, all kept. */
  kept: number;
  /** `<arn>`: deleted since it was created. */
  gone: string[];
  /** `<arn>: <why>`. */
  failed: string[];
}

export const emptyTally = (): BackfillTally => ({ tagged: 0, ownerKept: 0, kept: 0, gone: [], failed: [] });

/**
 * An answer that says the resource is not there: EC2's `Invalid….NotFound`, the Tagging API's per-ARN
 * `ResourceNotFoundException`, `DBInstanceNotFound`, S3's `NoSuchBucket`, SQS's `NonExistentQueue`, "… does not
 * exist". A resource the backfill found in CloudTrail days ago is not "not yet created": not found means deleted.
 */
const GONE = /not ?found|does ?n[o']t exist|non-?existent|no ?such ?(bucket|entity|resource)/i;
const REFUSED = /access ?denied|not authori[sz]ed|unauthori[sz]ed/i;

export function saysGone(codeAndMessage: string): boolean {
  return GONE.test(codeAndMessage) && !REFUSED.test(codeAndMessage);
}
