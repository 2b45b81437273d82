import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { registerAutotagMineButton } from './autotag-mine-button';
import { registerAutotagRetagButton } from './autotag-retag-button';
import { registerHealthOpenDashboard } from './health-open-dashboard';

/** Registers every listener for button clicks (block actions); one listener per file in this folder. */
export function registerActions(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagButton(app, deps);
  registerAutotagMineButton(app, deps);
  registerHealthOpenDashboard(app);
}
