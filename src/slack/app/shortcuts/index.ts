import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { registerBucketUploadShortcut } from './bucket-upload';

/** Registers every listener for message and global shortcuts; one listener per file in this folder. */
export function registerShortcuts(app: App, deps: SlackAppDeps): void {
  registerBucketUploadShortcut(app, deps);
}
