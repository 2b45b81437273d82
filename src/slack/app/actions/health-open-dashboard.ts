import type { App } from '@slack/bolt';
import { HEALTH_OPEN_DASHBOARD } from '../../../../blocks/health-actions';

/**
 * The link button opens the browser by itself; Slack still sends the click, and an unanswered click shows the
 * person a warning, so it is acknowledged and nothing else.
 */
export function registerHealthOpenDashboard(app: App): void {
  app.action(HEALTH_OPEN_DASHBOARD, async ({ ack }) => {
    await ack();
  });
}
