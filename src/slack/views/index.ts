import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { registerBucketUploadSubmit } from './bucket-upload-submit';
import { registerBucketWebsiteConfirm } from './bucket-website-confirm';

/** Registers every listener for modal submissions (view_submission); one listener per file in this folder. */
export function registerViews(app: App, deps: SlackAppDeps): void {
  registerBucketWebsiteConfirm(app, deps);
  registerBucketUploadSubmit(app, deps);
}
