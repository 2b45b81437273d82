import type { AccountDirectory } from '../../aws/account-directory';
import type { AppConfig } from '../../config/schema';
import type { JobDispatcher } from '../../jobs/job-dispatcher';
import type { StateStore } from '../../store/state-store';

/** What the Slack listeners need; built once per Lambda container (or test) and passed in. */
export interface SlackAppDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  dispatcher: JobDispatcher;
  /** Hosts besides Slack's whose response URLs jobs may answer (local stand-ins only; see response-url.ts). */
  responseUrlHosts: readonly string[];
  /**
   * No bot token is configured at all (`npm run dev` without Slack): views are printed instead of published. Chosen
   * at wiring time, never inferred from a missing token at run time (a failed token read must fail loudly).
   */
  printViews?: boolean;
}
