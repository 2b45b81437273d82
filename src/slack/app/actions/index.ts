import type { App } from '@slack/bolt';
import { BACKFILL_REVIEW_ACTION } from '../../../../blocks/autotag-backfill';
import type { SlackAppDeps } from '../deps';
import { autotagBackfillReview } from './autotag-backfill-review';
import { registerAutotagMineButton } from './autotag-mine-button';
import { registerAutotagRetagButton } from './autotag-retag-button';
import { registerHealthOpenDashboard } from './health-open-dashboard';

/** Registers every listener for button clicks (block actions); one listener per file in this folder. */
export function registerActions(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagButton(app, deps);
  registerAutotagMineButton(app, deps);
  registerHealthOpenDashboard(app);
  app.action(BACKFILL_REVIEW_ACTION, autotagBackfillReview(deps));
}
