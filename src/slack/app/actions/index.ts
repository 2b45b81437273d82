import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { BACKFILL_REVIEW_ACTION } from '../../../../blocks/autotag-backfill';
import { MINE_ACTION, RETAG_ACTION } from '../../../../blocks/autotag-notice';
import {
  HEALTH_DIGEST_EXPAND,
  HEALTH_MUTE,
  HEALTH_ON_IT,
  HEALTH_OPEN_DASHBOARD,
  HEALTH_UNMUTE,
} from '../../../../blocks/health-actions';
import type { SlackAppDeps } from '../deps';
import { autotagBackfillReview } from './autotag-backfill-review';
import { autotagMineButton } from './autotag-mine-button';
import { autotagRetagButton } from './autotag-retag-button';
import { healthDigestExpandButton } from './health-digest-expand-button';
import { healthMuteButton } from './health-mute-button';
import { healthOnItButton } from './health-on-it-button';
import { healthOpenDashboard } from './health-open-dashboard';
import { healthUnmuteButton } from './health-unmute-button';

/** Binds every button (block action) to its listener; the one place action ids meet listeners. */
export function registerActions(app: App, deps: SlackAppDeps): void {
  app.action<BlockAction<ButtonAction>>(RETAG_ACTION, autotagRetagButton(deps));
  app.action<BlockAction<ButtonAction>>(MINE_ACTION, autotagMineButton(deps));
  app.action(HEALTH_OPEN_DASHBOARD, healthOpenDashboard);
  app.action<BlockAction<ButtonAction>>(BACKFILL_REVIEW_ACTION, autotagBackfillReview(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_ON_IT, healthOnItButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_MUTE, healthMuteButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_UNMUTE, healthUnmuteButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_DIGEST_EXPAND, healthDigestExpandButton(deps));
}
