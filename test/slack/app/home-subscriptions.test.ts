import { describe, expect, it, vi } from 'vitest';
import {
  HOME_SUBSCRIPTION_REMOVE,
  HOME_SUBSCRIPTION_VIEW,
  SUBSCRIPTION_ACCOUNT_BLOCK,
  SUBSCRIPTION_SERVICE_BLOCK,
} from '../../../blocks/home-subscriptions';
import type { AppConfig } from '../../../src/config/schema';
import { homeSubscriptionAdd } from '../../../src/slack/app/actions/home-subscription-add';
import { homeSubscriptionRemove } from '../../../src/slack/app/actions/home-subscription-remove';
import { homeSubscriptionSubmit } from '../../../src/slack/app/views/home-subscription-submit';
import type { StateStore } from '../../../src/store/state-store';
import { SubscriptionStore } from '../../../src/store/subscriptions';
import { BOT_CONFIG, callListener, fakeSlackClient, listenerDeps } from '../../support/listener-fakes';
import { useLocalStateStore } from '../../support/local-state-store';
import { viewSubmissionPayload } from '../../support/slack-payloads';

const ADA = 'U0ADA00001';
const LI = 'U0LI000001';

describe('Home tab subscription listeners: Add subscription…, its modal, Remove', () => {
  let store: StateStore;
  useLocalStateStore('home-subscriptions-listeners-test', (s) => {
    store = s;
  });
  const refreshHome = vi.fn(async (_client: unknown, _userId: string) => undefined);

  async function submit(
    userId: string,
    fields: { account?: string; service?: string },
    config: AppConfig = BOT_CONFIG,
  ) {
    const ack = vi.fn(async (_response?: unknown) => undefined);
    const values = {
      [SUBSCRIPTION_ACCOUNT_BLOCK]: { value: { type: 'plain_text_input', value: fields.account ?? null } },
      [SUBSCRIPTION_SERVICE_BLOCK]: { value: { type: 'plain_text_input', value: fields.service ?? null } },
    };
    const body = viewSubmissionPayload({
      viewId: `V0${userId}`,
      userId,
      callbackId: HOME_SUBSCRIPTION_VIEW,
      privateMetadata: '',
      values,
    });
    const client = fakeSlackClient();
    await callListener(homeSubscriptionSubmit(listenerDeps(store, config), refreshHome), {
      ack,
      body,
      view: body.view,
      client,
    });
    return { ack, client };
  }

  const remove = (userId: string, id: string) => {
    const client = fakeSlackClient();
    return callListener(homeSubscriptionRemove(listenerDeps(store), refreshHome), {
      ack: async () => undefined,
      respond: vi.fn(),
      client,
      body: { type: 'block_actions', user: { id: userId }, container: { type: 'view', view_id: 'V0HOME' } },
      action: { type: 'button', action_id: HOME_SUBSCRIPTION_REMOVE, value: id },
    });
  };

  it('opens the Add subscription modal', async () => {
    const client = fakeSlackClient();

    await callListener(homeSubscriptionAdd, {
      ack: async () => undefined,
      client,
      body: { trigger_id: 'trigger-1', user: { id: ADA } },
    });

    expect(client.views.open.mock.calls[0]?.[0].view).toMatchObject({ callback_id: HOME_SUBSCRIPTION_VIEW });
  });

  it('keeps the modal open with the problem on the field at fault, and stores nothing', async () => {
    refreshHome.mockClear();

    const { ack } = await submit(ADA, { account: 'prod-paymnts', service: 'EC2' });

    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: { [SUBSCRIPTION_ACCOUNT_BLOCK]: expect.stringContaining('prod-payments') },
    });
    expect(await new SubscriptionStore(store).listForUser(ADA)).toEqual([]);
    expect(refreshHome).not.toHaveBeenCalled();
  });

  it('refuses in the modal a person health.subscribeAllowed does not list, and stores nothing', async () => {
    refreshHome.mockClear();
    const limited = {
      ...BOT_CONFIG,
      health: { ...BOT_CONFIG.health, subscribeAllowed: { users: [LI], userGroups: [] } },
    };

    const { ack } = await submit('U0EVE00001', { account: 'prod-payments' }, limited);

    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: { [SUBSCRIPTION_ACCOUNT_BLOCK]: expect.stringContaining('health.subscribeAllowed') },
    });
    expect(refreshHome).not.toHaveBeenCalled();
    expect(await new SubscriptionStore(store).listForUser('U0EVE00001')).toEqual([]);
  });

  it('subscribes the submitter, closes the modal and re-renders their Home; a second submit says already', async () => {
    refreshHome.mockClear();

    const first = await submit(ADA, { account: 'prod-payments', service: 'EC2' });
    const second = await submit(ADA, { account: '222222222222', service: 'ec2' });

    expect(first.ack).toHaveBeenCalledWith();
    expect(refreshHome).toHaveBeenCalledTimes(1);
    expect(refreshHome.mock.calls[0]?.[1]).toBe(ADA);
    expect(second.ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: { [SUBSCRIPTION_ACCOUNT_BLOCK]: expect.stringContaining('already subscribed') },
    });
    const mine = await new SubscriptionStore(store).listForUser(ADA);
    expect(mine.map((s) => s.target)).toEqual([
      { kind: 'service', service: 'EC2', accountId: '222222222222' },
    ]);
  });

  it('removes only the clicker’s own subscription, then re-renders their Home', async () => {
    const [mine] = await new SubscriptionStore(store).listForUser(ADA);
    refreshHome.mockClear();

    await remove(LI, mine?.id ?? '');
    const afterOther = await new SubscriptionStore(store).listForUser(ADA);
    await remove(ADA, mine?.id ?? '');

    expect(afterOther).toHaveLength(1);
    expect(await new SubscriptionStore(store).listForUser(ADA)).toEqual([]);
    expect(refreshHome.mock.calls.map((c) => c[1])).toEqual([LI, ADA]);
  });
});
