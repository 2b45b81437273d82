import type { App } from '@slack/bolt';
import { BACKFILL_VIEW } from '../../../../blocks/autotag-backfill';
import type { SlackAppDeps } from '../deps';
import { autotagBackfillSubmit } from './autotag-backfill-submit';
import { registerAutotagRetagSubmit } from './autotag-retag-submit';
import { registerBucketUploadSubmit } from './bucket-upload-submit';
import { registerBucketWebsiteConfirm } from './bucket-website-confirm';

/** Registers every listener for modal submissions (view_submission); one listener per file in this folder. */
export function registerViews(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagSubmit(app, deps);
  registerBucketWebsiteConfirm(app, deps);
  registerBucketUploadSubmit(app, deps);
  app.view(BACKFILL_VIEW, autotagBackfillSubmit(deps));
}
