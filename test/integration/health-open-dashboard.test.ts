import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_OPEN_DASHBOARD } from '../../blocks/health-actions';
import { BotHarness } from '../support/bot-harness';

describe('the "Open in AWS Health" link button', () => {
  const bot = new BotHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());

  it('is acknowledged with 200 and nothing else, so Slack shows no warning', async () => {
    const payload = {
      type: 'block_actions',
      api_app_id: 'A0TEST',
      token: 'legacy',
      trigger_id: '1.2.health',
      team: { id: 'T0TEST', domain: 'test' },
      user: { id: 'U0ONCALL1', team_id: 'T0TEST' },
      channel: { id: 'C0ALERTS01', name: 'aws-alerts' },
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0ALERTS01' },
      response_url: bot.slack.responseUrl('health-button'),
      actions: [
        { type: 'button', action_id: HEALTH_OPEN_DASHBOARD, block_id: 'b1', action_ts: '1700000001.000001' },
      ],
    };
    const before = bot.slack.calls.length;

    const response = await bot.post(
      `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      'application/x-www-form-urlencoded',
    );

    expect(response.status).toBe(200);
    expect(bot.slack.calls.length).toBe(before);
  });
});
