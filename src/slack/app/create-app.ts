import { App, ExpressReceiver } from '@slack/bolt';
import { logger as appLogger, withCorrelation } from '../../lambda/logger';
import { registerActions } from './actions';
import { boltLogger } from './bolt-logger';
import { registerCommands } from './commands';
import type { SlackAppDeps } from './deps';
import { registerEvents } from './events';
import { refreshHomeFor } from './events/home-deps';
import { registerShortcuts } from './shortcuts';
import { registerViews } from './views';

export interface SlackAppOptions {
  /** A function so the secret can be read (and cached) on first use instead of at module load. */
  signingSecret: () => PromiseLike<string>;
  botToken: () => Promise<string | undefined>;
  apiUrl: string;
  deps: SlackAppDeps;
}

/**
 * The Bolt app behind `POST /slack/events` (commands, interactivity and events on one URL).
 * `processBeforeResponse` because Lambda freezes once the response is sent: listeners finish first, and
 * anything slow is handed to the worker. Construction makes no network call.
 */
export function createSlackApp(options: SlackAppOptions): { app: App; receiver: ExpressReceiver } {
  const logger = boltLogger();
  const receiver = new ExpressReceiver({
    signingSecret: options.signingSecret,
    processBeforeResponse: true,
    endpoints: '/slack/events',
    logger,
  });
  const app = new App({
    receiver,
    logger,
    // Listeners call Slack before they ack (views.open, user-group look-ups): a call must not outlast Slack's 3 s,
    // so no waiting out rate limits and at most one quick retry here. Slow work belongs in the worker.
    clientOptions: {
      slackApiUrl: options.apiUrl,
      timeout: 1500,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 1, factor: 1, minTimeout: 100, maxTimeout: 200 },
    },
    // Our own authorize: no auth.test call at start; the token is only needed by listeners that call the API,
    // so a token that cannot be read is logged loudly but does not take /aws-help and the acks down with it.
    authorize: async () => {
      try {
        return { botToken: await options.botToken() };
      } catch (error) {
        appLogger.error('cannot read the Slack bot token; listeners that call Slack will fail', { error });
        return {};
      }
    },
  });
  app.use(async ({ body, next }) => {
    const trigger =
      (body as { trigger_id?: string; event_id?: string }).trigger_id ??
      (body as { event_id?: string }).event_id;
    withCorrelation({ slackTrigger: trigger, function: 'slack-http' });
    await next();
  });
  // A listener that throws is a bug: log it with the request's correlation ids (Slack shows the person an error).
  app.error(async (error) => {
    appLogger.error('Slack listener failed', { error });
  });
  registerCommands(app, options.deps);
  const refreshHome = refreshHomeFor(options.deps);
  registerActions(app, options.deps, refreshHome);
  registerViews(app, options.deps, refreshHome);
  registerShortcuts(app, options.deps);
  registerEvents(app, options.deps);
  return { app, receiver };
}
