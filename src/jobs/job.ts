import * as z from 'zod';
import { backfillScanJobSchema, backfillTagJobSchema } from '../autotag/backfill-job';
import { autotagOwnerJobSchema } from '../autotag/owner-job';
import { autotagRetagJobSchema } from '../autotag/retag-job';
import { bucketJobSchemas } from '../buckets/bucket-jobs';
import { caseDetailsJobSchema } from '../cases/case-details-job';
import { casesJobSchema } from '../cases/cases-job';
import { healthJobSchemas } from '../health/health-jobs';
import { whoamiJobSchema } from '../whoami/whoami-job';

/** Every job the Slack function hands to the worker; each feature owns its job schema and runner. */
export const jobSchema = z.discriminatedUnion('kind', [
  whoamiJobSchema,
  casesJobSchema,
  caseDetailsJobSchema,
  autotagRetagJobSchema,
  autotagOwnerJobSchema,
  backfillScanJobSchema,
  backfillTagJobSchema,
  ...bucketJobSchemas,
  ...healthJobSchemas,
]);

export type Job = z.infer<typeof jobSchema>;
export type JobOfKind<K extends Job['kind']> = Extract<Job, { kind: K }>;
