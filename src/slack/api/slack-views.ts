import type { ModalView } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { fitSlackLimits } from '../../../blocks/check-limits';
import { logger } from '../../lambda/logger';

/** Modals the worker fills after the listener opened them (views.update with the bot token). */
export interface SlackViews {
  update(viewId: string, view: ModalView): Promise<void>;
}

export class WebApiSlackViews implements SlackViews {
  private readonly client: WebClient;

  constructor(token: string, apiUrl: string) {
    this.client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 2 } });
  }

  async update(viewId: string, view: ModalView): Promise<void> {
    const fitted = fitSlackLimits(view, 'modal');
    if (fitted.shortened.length > 0)
      logger.warn('modal shortened to fit Slack limits', { problems: fitted.shortened.slice(0, 20) });
    await this.client.views.update({ view_id: viewId, view: fitted.message });
  }
}

/** No bot token (`npm run dev` without Slack): the modal is printed instead. */
export class ConsoleSlackViews implements SlackViews {
  async update(viewId: string, view: ModalView): Promise<void> {
    process.stdout.write(
      `── Slack (console, no SLACK_BOT_TOKEN): views.update ${viewId}\n${JSON.stringify(view, null, 2)}\n`,
    );
  }
}
