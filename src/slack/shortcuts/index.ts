import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';

/** Registers every listener for message and global shortcuts; one listener per file in this folder. */
export function registerShortcuts(_app: App, _deps: SlackAppDeps): void {}
