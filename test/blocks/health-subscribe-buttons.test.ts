import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HEALTH_SUBSCRIBE_ACCOUNT, HEALTH_SUBSCRIBE_SERVICE } from '../../blocks/health-actions';
import { subscribeElements } from '../../blocks/health-subscribe-buttons';
import type { HealthEventView } from '../../src/health/event-view';

const viewOf = (ids: string[]) =>
  ({
    accounts: Object.fromEntries(
      ids.map((id) => [
        id,
        { name: `acct-${id.slice(0, 3)}`, entities: [], channels: ['C1'], lastUpdatedTime: '' },
      ]),
    ),
  }) as unknown as HealthEventView;

describe('the alert’s "Notify me" elements', () => {
  it('are a button bound to the account for an alert of one account, and one for the service', () => {
    const [account, service] = subscribeElements(viewOf(['222222222222']));

    expect(account).toMatchObject({
      type: 'button',
      action_id: HEALTH_SUBSCRIBE_ACCOUNT,
      value: '222222222222',
    });
    expect(service).toMatchObject({ type: 'button', action_id: HEALTH_SUBSCRIBE_SERVICE });
  });

  it('offer a menu of the accounts (Slack’s 100 options at most) for an organisation-wide alert', () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(100000000000 + i));
    const [menu] = subscribeElements(viewOf(ids));

    expect(menu).toMatchObject({ type: 'static_select', action_id: HEALTH_SUBSCRIBE_ACCOUNT });
    const options = (menu as { options: { value: string }[] }).options;
    expect(options).toHaveLength(100);
    expect(options[0]?.value).toBe(ids[0]);
    expect(checkSlackLimits({ text: 'x', blocks: [{ type: 'actions', elements: [menu] }] })).toEqual([]);
  });
});
