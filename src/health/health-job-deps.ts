import { healthDashboardUrl } from '../../blocks/console-links';
import type { AppConfig } from '../config/schema';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { HealthMessageRenderer } from './message-renderer';

/** What the worker's Health runners need (src/jobs/worker-deps.ts extends this). */
export interface HealthJobDeps {
  config: Pick<AppConfig, 'organization' | 'slack' | 'health'>;
  store: StateStore;
  sink: SlackSink;
  now: () => Date;
}

/** How long a click waits for an alert that a delivery is rendering right now. */
const RENDER_WAIT_MS = 30_000;

/** The renderer the worker edits alerts with: the same locks and message as the Health function's. */
export function alertRenderer(deps: HealthJobDeps): HealthMessageRenderer {
  const deadline = Date.now() + RENDER_WAIT_MS;
  return new HealthMessageRenderer({
    store: deps.store,
    sink: deps.sink,
    dashboardUrl: (view) => healthDashboardUrl(view, deps.config.organization.partition),
    deadline: () => deadline,
  });
}
