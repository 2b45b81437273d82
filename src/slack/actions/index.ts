import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';

/** Registers every listener for button clicks (block actions); one listener per file in this folder. */
export function registerActions(_app: App, _deps: SlackAppDeps): void {}
