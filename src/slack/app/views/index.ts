import type { App, ViewSubmitAction } from '@slack/bolt';
import { HEALTH_MUTE_VIEW } from '../../../../blocks/health-mute-modal';
import type { SlackAppDeps } from '../deps';
import { registerAutotagRetagSubmit } from './autotag-retag-submit';
import { registerBucketUploadSubmit } from './bucket-upload-submit';
import { registerBucketWebsiteConfirm } from './bucket-website-confirm';
import { healthMuteSubmit } from './health-mute-submit';

/** Registers every listener for modal submissions (view_submission); one listener per file in this folder. */
export function registerViews(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagSubmit(app, deps);
  registerBucketWebsiteConfirm(app, deps);
  registerBucketUploadSubmit(app, deps);
  app.view<ViewSubmitAction>(HEALTH_MUTE_VIEW, healthMuteSubmit(deps));
}
