import type { App, ViewSubmitAction } from '@slack/bolt';
import { BACKFILL_VIEW } from '../../../../blocks/autotag-backfill';
import { RETAG_VIEW } from '../../../../blocks/autotag-retag-modal';
import { UPLOAD_SUBMIT_CALLBACK } from '../../../../blocks/bucket-upload-modal';
import { WEBSITE_CONFIRM_CALLBACK } from '../../../../blocks/bucket-website-modal';
import { HEALTH_MUTE_VIEW } from '../../../../blocks/health-mute-modal';
import { HOME_SUBSCRIPTION_VIEW } from '../../../../blocks/home-subscriptions';
import type { SlackAppDeps } from '../deps';
import { noHomeRefresh, type RefreshHome } from '../refresh-home';
import { autotagBackfillSubmit } from './autotag-backfill-submit';
import { autotagRetagSubmit } from './autotag-retag-submit';
import { bucketUploadSubmit } from './bucket-upload-submit';
import { bucketWebsiteConfirm } from './bucket-website-confirm';
import { healthMuteSubmit } from './health-mute-submit';
import { homeSubscriptionSubmit } from './home-subscription-submit';

/** Binds every modal submission (view_submission) to its listener; the one place callback ids meet listeners. */
export function registerViews(app: App, deps: SlackAppDeps, refreshHome: RefreshHome = noHomeRefresh): void {
  app.view<ViewSubmitAction>(RETAG_VIEW, autotagRetagSubmit(deps));
  app.view<ViewSubmitAction>(WEBSITE_CONFIRM_CALLBACK, bucketWebsiteConfirm(deps));
  app.view<ViewSubmitAction>(UPLOAD_SUBMIT_CALLBACK, bucketUploadSubmit(deps));
  app.view<ViewSubmitAction>(BACKFILL_VIEW, autotagBackfillSubmit(deps));
  app.view<ViewSubmitAction>(HEALTH_MUTE_VIEW, healthMuteSubmit(deps));
  app.view<ViewSubmitAction>(HOME_SUBSCRIPTION_VIEW, homeSubscriptionSubmit(deps, refreshHome));
}
