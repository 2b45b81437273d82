import type { BackfillTagDeps } from '../autotag/run-backfill-tag';
import type { OwnerJobDeps } from '../autotag/run-owner-job';
import type { RetagJobDeps } from '../autotag/run-retag-job';
import type { AccountDirectory } from '../aws/account-directory';
import type { CrossAccountCredentials } from '../aws/assume-role';
import type { MemberClients } from '../aws/member-clients';
import type { BucketJobDeps } from '../buckets/run-bucket-job';
import type { CaseDetailsDeps } from '../cases/run-case-details-job';
import type { CasesJobDeps } from '../cases/run-cases-job';
import type { AppConfig } from '../config/schema';
import type { HealthJobDeps } from '../health/health-job-deps';
import type { FailureQueue } from '../lambda/failure-queue';
import type { Respond } from '../slack/api/response-url';
import type { StateStore } from '../store/state-store';
import type { WhoamiJobDeps } from '../whoami/run-whoami-job';

/**
 * What the worker passes to every runner: the union of what each feature's runner declares it needs, plus what
 * running a job itself needs. Built once per worker container (or test) and passed in.
 */
export interface WorkerDeps
  extends WhoamiJobDeps,
    CasesJobDeps,
    CaseDetailsDeps,
    RetagJobDeps,
    OwnerJobDeps,
    BackfillTagDeps,
    BucketJobDeps,
    HealthJobDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  credentials: CrossAccountCredentials;
  /** Every runner's per-account clients (each takes the services it declares). */
  clients: MemberClients;
  store: StateStore;
  now: () => Date;
  respond: Respond;
  /** Hosts besides Slack's whose response URLs the worker answers (local stand-ins only). */
  responseUrlHosts: readonly string[];
  /** Where jobs whose run was killed are kept (FAILED_EVENTS_QUEUE_URL); absent locally. */
  failureQueue?: FailureQueue;
  /** Re-publishes the person's Home after a job clicked on it (absent: not re-published). */
  refreshHome?: (userId: string) => Promise<void>;
  /** Waits out a duplicate delivery's lease (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}
