import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { BACKFILL_REVIEW_ACTION } from '../../../../blocks/autotag-backfill';
import { MINE_ACTION, RETAG_ACTION } from '../../../../blocks/autotag-notice';
import {
  CASE_DETAILS_BUTTON,
  CASE_DETAILS_CONSOLE,
  CASE_DETAILS_MENU,
} from '../../../../blocks/case-details';
import {
  HEALTH_DIGEST_EXPAND,
  HEALTH_MUTE,
  HEALTH_ON_IT,
  HEALTH_OPEN_DASHBOARD,
  HEALTH_SUBSCRIBE_ACCOUNT,
  HEALTH_SUBSCRIBE_SERVICE,
  HEALTH_UNMUTE,
} from '../../../../blocks/health-actions';
import { HOME_SUBSCRIPTION_ADD, HOME_SUBSCRIPTION_REMOVE } from '../../../../blocks/home-subscriptions';
import { HOME_MINE, HOME_REFRESH, HOME_RETAG, HOME_UNMUTE } from '../../../../blocks/home-view';
import type { SlackAppDeps } from '../deps';
import { noHomeRefresh, type RefreshHome } from '../refresh-home';
import { autotagBackfillReview } from './autotag-backfill-review';
import { autotagMineButton } from './autotag-mine-button';
import { autotagRetagButton } from './autotag-retag-button';
import { casesDetails } from './cases-details';
import { healthDigestExpandButton } from './health-digest-expand-button';
import { healthMuteButton } from './health-mute-button';
import { healthOnItButton } from './health-on-it-button';
import { healthOpenDashboard } from './health-open-dashboard';
import { healthSubscribeButton } from './health-subscribe-button';
import { healthUnmuteButton } from './health-unmute-button';
import { homeMineButton } from './home-mine-button';
import { homeRefreshButton } from './home-refresh-button';
import { homeRetagButton } from './home-retag-button';
import { homeSubscriptionAdd } from './home-subscription-add';
import { homeSubscriptionRemove } from './home-subscription-remove';
import { homeUnmuteButton } from './home-unmute-button';

/** Binds every button (block action) to its listener; the one place action ids meet listeners. */
export function registerActions(
  app: App,
  deps: SlackAppDeps,
  refreshHome: RefreshHome = noHomeRefresh,
): void {
  app.action<BlockAction<ButtonAction>>(RETAG_ACTION, autotagRetagButton(deps));
  app.action<BlockAction<ButtonAction>>(MINE_ACTION, autotagMineButton(deps));
  app.action(HEALTH_OPEN_DASHBOARD, healthOpenDashboard);
  app.action<BlockAction<ButtonAction>>(BACKFILL_REVIEW_ACTION, autotagBackfillReview(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_ON_IT, healthOnItButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_MUTE, healthMuteButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_UNMUTE, healthUnmuteButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_DIGEST_EXPAND, healthDigestExpandButton(deps));
  app.action<BlockAction<ButtonAction>>(HOME_REFRESH, homeRefreshButton(deps));
  app.action<BlockAction<ButtonAction>>(HOME_RETAG, homeRetagButton(deps));
  app.action<BlockAction<ButtonAction>>(HOME_MINE, homeMineButton(deps));
  app.action<BlockAction<ButtonAction>>(HOME_UNMUTE, homeUnmuteButton(deps));
  app.action<BlockAction<ButtonAction | StaticSelectAction>>(
    HEALTH_SUBSCRIBE_ACCOUNT,
    healthSubscribeButton(deps, 'account'),
  );
  app.action<BlockAction<ButtonAction>>(HEALTH_SUBSCRIBE_SERVICE, healthSubscribeButton(deps, 'service'));
  app.action<BlockAction<ButtonAction>>(HOME_SUBSCRIPTION_REMOVE, homeSubscriptionRemove(deps, refreshHome));
  app.action<BlockAction<ButtonAction>>(HOME_SUBSCRIPTION_ADD, homeSubscriptionAdd);
  app.action<BlockAction>(CASE_DETAILS_BUTTON, casesDetails(deps));
  app.action<BlockAction>(CASE_DETAILS_MENU, casesDetails(deps));
  // The modal's Support Center link opens the browser by itself; the click is only acknowledged.
  app.action(CASE_DETAILS_CONSOLE, healthOpenDashboard);
}
