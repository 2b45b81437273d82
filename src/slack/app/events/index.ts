import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps';
import { appHomeOpened } from './app-home-opened';

/** Binds every Events API event the bot subscribes to (infra/slack-app-manifest.yaml) to its listener. */
export function registerEvents(app: App, deps: SlackAppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
