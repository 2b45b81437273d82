import { describe, expect, it, vi } from 'vitest';
import { HEALTH_OPEN_DASHBOARD } from '../../../../blocks/health-actions';
import { healthOpenDashboard } from '../../../../src/slack/app/actions/health-open-dashboard';
import { callListener, fakeSlackClient } from '../../../support/listener-fakes';
import { blockActionPayload } from '../../../support/slack-payloads';

describe('"Open in AWS Health" link button listener', () => {
  it('only acknowledges the click (the link opens by itself): no answer, no Slack call', async () => {
    const ack = vi.fn(async () => undefined);
    const respond = vi.fn(async () => undefined);
    const client = fakeSlackClient();
    const body = blockActionPayload({
      actionId: HEALTH_OPEN_DASHBOARD,
      value: 'arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/abc',
      userId: 'U0PERSON01',
      channel: 'C0ALERTS01',
      ts: '1700000000.000300',
      triggerId: 'health-click',
      responseUrl: 'https://hooks.slack.com/actions/T0LOCAL01/1/health-click',
    });

    await callListener(healthOpenDashboard, { ack, respond, client, body, action: body.actions[0] });

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledWith();
    expect(respond).not.toHaveBeenCalled();
    expect(client.views.open).not.toHaveBeenCalled();
    expect(client.chat.postMessage).not.toHaveBeenCalled();
  });
});
