import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { registerHealthOpenDashboard } from './health-open-dashboard';

/** Registers every listener for button clicks (block actions); one listener per file in this folder. */
export function registerActions(app: App, _deps: SlackAppDeps): void {
  registerHealthOpenDashboard(app);
}
