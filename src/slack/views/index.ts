import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { registerAutotagRetagSubmit } from './autotag-retag-submit';

/** Registers every listener for modal submissions (view_submission); one listener per file in this folder. */
export function registerViews(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagSubmit(app, deps);
}
