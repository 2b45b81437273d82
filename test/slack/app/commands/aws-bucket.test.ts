import { describe, expect, it, vi } from 'vitest';
import { WEBSITE_CONFIRM_CALLBACK } from '../../../../blocks/bucket-website-modal';
import { websiteConfirmMetadata } from '../../../../src/buckets/modal-metadata';
import { awsBucketCommand } from '../../../../src/slack/app/commands/aws-bucket';
import { loadViewMetadata } from '../../../../src/slack/app/view-metadata';
import type { StateStore } from '../../../../src/store/state-store';
import {
  calledBefore,
  callListener,
  type FakeSlackClient,
  fakeSlackClient,
  listenerDeps,
} from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { slashCommandPayload } from '../../../support/slack-payloads';

const MAKER = 'U0MAKER01'; // buckets.allow.* in test/fixtures/config/chatops.yaml
const GROUPIE = 'U0GROUPIE9'; // member of S0CLOUD01, allowed to create
const STRANGER = 'U0STRANGE1';

describe('/aws-bucket listener', () => {
  let store: StateStore;
  useLocalStateStore('bucket-listener-test', (s) => {
    store = s;
  });

  async function bucket(text: string, userId: string, triggerId: string, client = fakeSlackClient()) {
    const deps = listenerDeps(store);
    const ack = vi.fn(async (_body?: unknown) => undefined);
    const command = slashCommandPayload({ command: '/aws-bucket', text, triggerId, userId });
    await callListener(awsBucketCommand(deps), { command, ack, client });
    return { ack, jobs: deps.dispatcher.jobs, client, command };
  }

  it('lists buckets of the default account for anyone: a job for the worker and a working line', async () => {
    const { ack, jobs, command } = await bucket('ls', STRANGER, 'bucket-ls');

    expect(jobs).toEqual([
      {
        kind: 'bucket.ls',
        id: 'bucket-ls',
        reply: {
          responseUrl: command.response_url,
          userId: STRANGER,
          channelId: 'C0LOCAL01',
          teamId: 'T0LOCAL01',
        },
        account: { id: '333333333333', name: 'staging' },
        userName: 'someone',
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: 'Listing buckets in staging (333333333333)…',
    });
  });

  it('lets a member of an allowed user group create a bucket', async () => {
    const client = fakeSlackClient({ S0CLOUD01: [GROUPIE] });
    const { jobs } = await bucket('create stg-by-group', GROUPIE, 'bucket-create-group', client);

    expect(jobs[0]).toMatchObject({ kind: 'bucket.create', bucket: 'stg-by-group' });
    expect(client.usergroups.users.list).toHaveBeenCalledWith({ usergroup: 'S0CLOUD01' });
  });

  it('refuses create to someone outside the allow-list: no job, the refusal in the ack, audited', async () => {
    const { ack, jobs, client } = await bucket('create stg-not-mine', STRANGER, 'bucket-create-refused');

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(
        /^You are not on the allow-list for \/aws-bucket create, so nothing was done\./,
      ),
    });
    expect((await store.listAudit('bucket.create'))[0]).toMatchObject({
      actor: STRANGER,
      target: 's3://stg-not-mine in staging (333333333333)',
      result: 'refused',
    });
    expect(client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: 'C0AUDIT001' }));
  });

  it('answers bad input with the usage and starts nothing', async () => {
    const { ack, jobs } = await bucket('destroy everything', MAKER, 'bucket-bad');

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({ text: expect.stringContaining('Usage: /aws-bucket') });
  });

  it('opens the website confirmation before the empty ack, with the request stored for the submission', async () => {
    const { ack, jobs, client } = await bucket('website stg-site', MAKER, 'bucket-website');

    expect(jobs).toEqual([]);
    expect(client.views.open).toHaveBeenCalledTimes(1);
    const { trigger_id, view } = client.views.open.mock.calls[0]?.[0] ?? { trigger_id: '', view: {} };
    expect(trigger_id).toBe('bucket-website');
    expect(view.callback_id).toBe(WEBSITE_CONFIRM_CALLBACK);
    const stored = await loadViewMetadata(store, websiteConfirmMetadata, String(view.private_metadata));
    expect(stored).toMatchObject({
      bucket: 'stg-site',
      account: { id: '333333333333' },
      reply: { userId: MAKER },
    });
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]).toEqual([]);
    expect(calledBefore(client.views.open, ack)).toBe(true);
  });

  it('says so when Slack does not open the confirmation', async () => {
    const client: FakeSlackClient = fakeSlackClient();
    client.views.open.mockRejectedValueOnce(new Error('expired_trigger_id'));

    const { ack } = await bucket('website stg-site', MAKER, 'bucket-website-expired', client);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      text: 'Could not open the confirmation dialog. Please run the command again.',
    });
  });
});
