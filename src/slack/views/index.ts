import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';

/** Registers every listener for modal submissions (view_submission); one listener per file in this folder. */
export function registerViews(_app: App, _deps: SlackAppDeps): void {}
