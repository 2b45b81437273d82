import type { Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';

/**
 * The link button opens the browser by itself; Slack still sends the click, and an unanswered click shows the
 * person a warning, so it is acknowledged and nothing else.
 */
export const healthOpenDashboard: Middleware<SlackActionMiddlewareArgs> = async ({ ack }) => {
  await ack();
};
