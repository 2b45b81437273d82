import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { HEALTH_MUTE, HEALTH_ON_IT, HEALTH_UNMUTE } from '../../../../blocks/health-actions';
import type { SlackAppDeps } from '../deps';
import { registerAutotagMineButton } from './autotag-mine-button';
import { registerAutotagRetagButton } from './autotag-retag-button';
import { healthMuteButton } from './health-mute-button';
import { healthOnItButton } from './health-on-it-button';
import { registerHealthOpenDashboard } from './health-open-dashboard';
import { healthUnmuteButton } from './health-unmute-button';

/** Registers every listener for button clicks (block actions); one listener per file in this folder. */
export function registerActions(app: App, deps: SlackAppDeps): void {
  registerAutotagRetagButton(app, deps);
  registerAutotagMineButton(app, deps);
  registerHealthOpenDashboard(app);
  app.action<BlockAction<ButtonAction>>(HEALTH_ON_IT, healthOnItButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_MUTE, healthMuteButton(deps));
  app.action<BlockAction<ButtonAction>>(HEALTH_UNMUTE, healthUnmuteButton(deps));
}
