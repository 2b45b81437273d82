import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HEALTH_MUTE } from '../../blocks/health-actions';
import { MUTE_DURATION_BLOCK, MUTE_SCOPE_BLOCK } from '../../blocks/health-mute-modal';
import { HOME_SUBSCRIPTION_REMOVE } from '../../blocks/home-subscriptions';
import { HOME_REFRESH, HOME_UNMUTE } from '../../blocks/home-view';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { HealthBotHarness } from '../support/health-bot-harness';
import { FORM } from '../support/interaction';
import { homeActionBody } from '../support/slack-payloads';

const ONCALL = 'U0ONCALL1'; // in health.muteAllowed
const STRANGER = 'U0STRANGE1';
const PROD_OPS = 'C0PRODOPS1';
const opened = JSON.parse(readFileSync(resolve('test/fixtures/slack/app-home-opened.json'), 'utf8'));

/**
 * The Home tab on the Slack function, the worker and the Health function together: an alert and a mute set from
 * it show on the Home; Unmute there is allowed for muteAllowed people only and answered in their DM.
 */
describe('Home tab: what the Health paths recorded, and Unmute from it', () => {
  const bot = new HealthBotHarness();
  let muteId = '';
  beforeAll(async () => {
    await bot.start();
    await bot.deliver('ec2-issue-open');
    const alertTs = String(
      bot.slack.callsOf('chat.postMessage').find((c) => c.body.channel === PROD_OPS)?.ts,
    );
    await bot.click({
      actionId: HEALTH_MUTE,
      userId: ONCALL,
      channel: PROD_OPS,
      ts: alertTs,
      triggerId: 'home-mute',
    });
    const modal = await bot.slack.waitFor('views.open', 5000, (c) => c.body.trigger_id === 'home-mute');
    await bot.submitAndSettle(modal.body.view as Record<string, unknown>, ONCALL, 'V0HOMEMUTE', {
      [MUTE_SCOPE_BLOCK]: { value: { type: 'radio_buttons', selected_option: { value: '1' } } },
      [MUTE_DURATION_BLOCK]: { value: { type: 'static_select', selected_option: { value: '7' } } },
    });
    muteId = String((await bot.store.listAudit('health.mute'))[0]?.detail?.muteId);
  });
  afterAll(() => bot.stop());

  /** Opens the Home as `user`; the view it published. */
  async function home(user: string, eventId: string): Promise<string> {
    const body = JSON.stringify({ ...opened, event_id: eventId, event: { ...opened.event, user } });
    const before = bot.slack.callsOf('views.publish').length;
    const response = await bot.post(body, 'application/json');
    expect(response.status).toBe(200);
    const published = bot.slack.callsOf('views.publish').slice(before);
    expect(published).toHaveLength(1);
    expect(published[0]?.body.user_id).toBe(user);
    const view = published[0]?.body.view;
    const parsed = typeof view === 'string' ? JSON.parse(view) : view;
    expect(checkSlackLimits(parsed, 'home')).toEqual([]);
    return JSON.stringify(parsed);
  }

  it('shows the account of the alert and the mute, with Unmute only for people allowed to unmute', async () => {
    const forOncall = await home(ONCALL, 'Ev0HOMEI01');
    const forStranger = await home(STRANGER, 'Ev0HOMEI02');

    expect(forOncall).toContain('prod-payments');
    expect(forOncall).toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    expect(forOncall).toContain(HOME_UNMUTE);
    expect(forOncall).toContain(HOME_REFRESH);
    expect(forStranger).toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    expect(forStranger).not.toContain(HOME_UNMUTE);
  });

  it('lists the person’s subscriptions, and Remove on the Home takes one off and re-renders the Home', async () => {
    const subscriptions = new SubscriptionStore(bot.store);
    await subscriptions.add(ONCALL, { kind: 'service', service: 'EC2', accountId: '222222222222' }, 'home');
    const [subscription] = await subscriptions.listForUser(ONCALL);
    expect(await home(ONCALL, 'Ev0HOMES01')).toContain('every EC2 event in prod-payments');
    const before = bot.slack.callsOf('views.publish').length;

    await bot.post(
      homeActionBody({
        actionId: HOME_SUBSCRIPTION_REMOVE,
        value: String(subscription?.id),
        userId: ONCALL,
        triggerId: 'home-s1',
      }),
      FORM,
    );

    const republished = bot.slack.callsOf('views.publish').slice(before);
    expect(republished).toHaveLength(1);
    expect(republished[0]?.body.user_id).toBe(ONCALL);
    expect(JSON.stringify(republished[0]?.body.view)).not.toContain('every EC2 event in prod-payments');
    expect(await subscriptions.listForUser(ONCALL)).toEqual([]);
  });

  it('refuses Unmute on the Home from someone not allowed: a modal says why, the mute stays, the refusal is audited', async () => {
    const jobsBefore = bot.lambda.invocations.length;

    await bot.post(
      homeActionBody({ actionId: HOME_UNMUTE, value: muteId, userId: STRANGER, triggerId: 'home-u1' }),
      FORM,
    );
    await bot.lambda.settled();

    const answer = await bot.slack.waitFor('views.open', 5000, (c) => c.body.trigger_id === 'home-u1');
    expect(JSON.stringify(answer.body.view)).toContain('may mute Health alerts');
    expect(bot.lambda.invocations).toHaveLength(jobsBefore);
    expect((await bot.store.listAudit('health.unmute'))[0]).toMatchObject({
      actor: STRANGER,
      result: 'refused',
    });
    expect(await home(ONCALL, 'Ev0HOMEI03')).toContain(HOME_UNMUTE);
  });

  it('lifts the mute from the Home for an allowed person, answers in their DM, and re-publishes the Home without it', async () => {
    const publishedBefore = bot.slack.callsOf('views.publish').length;
    await bot.post(
      homeActionBody({ actionId: HOME_UNMUTE, value: muteId, userId: ONCALL, triggerId: 'home-u2' }),
      FORM,
    );
    await bot.lambda.settled();

    const dm = await bot.slack.waitFor('chat.postMessage', 5000, (c) => c.body.channel === ONCALL);
    expect(String(dm.body.text)).toContain('Unmuted: AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    expect((await bot.store.listAudit('health.unmute'))[0]).toMatchObject({ actor: ONCALL, result: 'ok' });
    // The worker draws the Home again after the job: the Unmute button is gone without pressing Refresh.
    const republished = bot.slack.callsOf('views.publish').slice(publishedBefore);
    expect(republished).toHaveLength(1);
    expect(republished[0]?.body.user_id).toBe(ONCALL);
    const view = JSON.stringify(republished[0]?.body.view);
    expect(view).not.toContain(HOME_UNMUTE);
    expect(view).not.toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
    const after = await home(ONCALL, 'Ev0HOMEI04');
    expect(after).not.toContain(HOME_UNMUTE);
    expect(after).not.toContain('AWS_EC2_OPERATIONAL_ISSUE in prod-payments');
  });
});
