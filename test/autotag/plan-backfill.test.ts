import { describe, expect, it } from 'vitest';
import { planBackfillSubmit } from '../../src/autotag/plan-backfill-submit';
import { planTagCommand } from '../../src/autotag/plan-tag-command';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';
import type { StateStore } from '../../src/store/state-store';
import { useLocalStateStore } from '../support/local-state-store';

const CONFIG = parseConfig(
  [
    'accounts: [{ id: "222222222222", name: prod-payments }]',
    'slack: { defaultChannel: C0ALERTS01, admins: { users: [U0ADMIN001], userGroups: [] } }',
    'autotag: { backfillAllowed: { users: [], userGroups: [S0CLOUDTM1] } }',
  ].join('\n'),
  'test',
);
const groupMembers = async (group: string) => (group === 'S0CLOUDTM1' ? ['U0CLOUD001'] : []);
const reply = (userId: string) => ({ responseUrl: 'https://hooks.slack.com/x', userId, channelId: 'C1' });

describe('who may backfill, checked on the command and again on the confirmation', () => {
  let store: StateStore;
  useLocalStateStore('aws-chatops-plan-backfill', (local) => {
    store = local;
  });
  const deps = () => ({ config: CONFIG, accounts: new AccountDirectory(CONFIG), store, groupMembers });

  it('starts the scan for an admin or a member of an allowed group, refuses (and audits) anyone else', async () => {
    const input = (userId: string) => ({
      text: 'backfill 30d',
      triggerId: `t-${userId}`,
      reply: reply(userId),
    });

    expect(await planTagCommand(input('U0ADMIN001'), deps())).toMatchObject({
      type: 'job',
      job: { kind: 'autotag-backfill-scan', windowDays: 30, actor: 'U0ADMIN001' },
    });
    expect(await planTagCommand(input('U0CLOUD001'), deps())).toMatchObject({ type: 'job' });
    const refused = await planTagCommand(input('U0OTHER001'), deps());

    expect(refused).toMatchObject({ type: 'reply' });
    expect(JSON.stringify(refused)).toContain('backfill allow-list');
    expect(await store.listAudit('autotag.backfill')).toEqual([
      expect.objectContaining({ actor: 'U0OTHER001', result: 'refused' }),
    ]);
  });

  it('tags only a plan that is still kept, for a person still on the allow-list', async () => {
    await store.create('autotag#backfill#plan-9', '#', { actor: 'U0ADMIN001', items: [], counts: {} });
    const metadata = JSON.stringify({ planId: 'plan-9', responseUrl: 'https://hooks.slack.com/x' });

    expect(
      await planBackfillSubmit({ viewId: 'v1', userId: 'U0ADMIN001', privateMetadata: metadata }, deps()),
    ).toMatchObject({
      type: 'job',
      job: { kind: 'autotag-backfill-tag', planId: 'plan-9', actor: 'U0ADMIN001' },
    });
    expect(
      await planBackfillSubmit({ viewId: 'v2', userId: 'U0OTHER001', privateMetadata: metadata }, deps()),
    ).toMatchObject({
      type: 'refused',
    });
    const gone = JSON.stringify({ planId: 'plan-0', responseUrl: 'https://hooks.slack.com/x' });
    expect(
      await planBackfillSubmit({ viewId: 'v3', userId: 'U0ADMIN001', privateMetadata: gone }, deps()),
    ).toMatchObject({
      type: 'refused',
      text: expect.stringContaining('expired'),
    });
    expect(
      await planBackfillSubmit({ viewId: 'v4', userId: 'U0ADMIN001', privateMetadata: 'not json' }, deps()),
    ).toMatchObject({
      type: 'refused',
    });
  });

  it('starts one tag job per plan: a second confirmation (another modal) is refused, a retry of the same one is not', async () => {
    await store.create('autotag#backfill#plan-7', '#', { actor: 'U0ADMIN001', items: [], counts: {} });
    const metadata = JSON.stringify({ planId: 'plan-7', responseUrl: 'https://hooks.slack.com/x' });
    const submit = (viewId: string) =>
      planBackfillSubmit({ viewId, userId: 'U0ADMIN001', privateMetadata: metadata }, deps());

    const first = await submit('view-a');
    const other = await submit('view-b');
    const retry = await submit('view-a');

    expect(first).toMatchObject({ type: 'job', job: { id: 'view-a' } });
    expect(other).toMatchObject({ type: 'refused', text: expect.stringContaining('already confirmed') });
    expect(retry).toMatchObject({ type: 'job', job: { id: 'view-a' } });
  });
});
