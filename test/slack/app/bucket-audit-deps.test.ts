import type { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeReply } from '../../../blocks/notice';
import { bucketAuditDeps } from '../../../src/slack/app/bucket-audit-deps';
import type { StateStore } from '../../../src/store/state-store';
import { BOT_CONFIG, fakeSlackClient, listenerDeps } from '../../support/listener-fakes';

describe("bucketAuditDeps (a listener's bucket audit)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const store = {} as StateStore; // only handed through
  const depsWith = (client: ReturnType<typeof fakeSlackClient>) =>
    bucketAuditDeps(listenerDeps(store), client as unknown as WebClient);

  it("posts to the configured audit channel through the listener's client", async () => {
    const client = fakeSlackClient();
    const deps = depsWith(client);

    await deps.post('C0AUDIT001', noticeReply('problem', 'refused'));

    expect(deps.store).toBe(store);
    expect(deps.auditChannel).toBe(BOT_CONFIG.slack.auditChannel);
    expect(client.chat.postMessage).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'C0AUDIT001', text: 'refused' }),
    );
  });

  it('gives up waiting for Slack after one second, so the person still gets an answer in time', async () => {
    vi.useFakeTimers();
    const client = fakeSlackClient();
    client.chat.postMessage.mockReturnValueOnce(new Promise(() => {}));

    const posted = depsWith(client).post('C0AUDIT001', noticeReply('problem', 'refused'));
    const outcome = expect(posted).rejects.toThrow('no answer from Slack within 1000 ms');
    await vi.advanceTimersByTimeAsync(1000);

    await outcome;
  });
});
