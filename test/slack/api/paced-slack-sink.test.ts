import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../../blocks/message';
import { PacedSlackSink, stateChannelNames } from '../../../src/slack/api/paced-slack-sink';
import { ConsoleSink, type PostedMessage } from '../../../src/slack/api/slack-sink';
import { SlotPacer } from '../../../src/store/slot-pacer';
import type { StateStore } from '../../../src/store/state-store';
import { useLocalStateStore } from '../../support/local-state-store';
import { virtualClock } from '../../support/virtual-clock';

const message: SlackMessage = { text: 'EC2 issue', blocks: [] };

/** Slack as seen from one Lambda container: `#aws-alerts` is channel C0ALERTS01; records when each call went out. */
class RecordingSink extends ConsoleSink {
  readonly sentAt: number[];

  constructor(
    private readonly clock: { now: () => number },
    sentAt: number[],
  ) {
    super(() => undefined);
    this.sentAt = sentAt;
  }

  override async post(channel: string, m: SlackMessage, o?: { threadTs?: string }): Promise<PostedMessage> {
    this.sentAt.push(this.clock.now());
    const posted = await super.post(channel === '#aws-alerts' ? 'C0ALERTS01' : channel, m, o);
    return posted;
  }

  override async update(ref: PostedMessage, m: SlackMessage): Promise<void> {
    this.sentAt.push(this.clock.now());
    await super.update(ref, m);
  }
}

describe('PacedSlackSink', () => {
  let store: StateStore;
  useLocalStateStore('paced-sink-test', (local) => {
    store = local;
  });

  it('paces a channel configured by name as one channel, whether called by name or by id, in every container', async () => {
    // Prepare: two containers; the channel is configured as #aws-alerts, Slack answers with its id.
    const clock = virtualClock(5_000_000_000_000);
    const sentAt: number[] = [];
    const container = () =>
      new PacedSlackSink(new RecordingSink(clock, sentAt), new SlotPacer(store, clock), {
        intervalMs: 1000,
        now: clock.now,
        channelNames: stateChannelNames(store),
      });
    const first = container();
    const second = container();

    // Act: a post by name, then an edit and a reply by id, and a post by name from a fresh container.
    const posted = await first.post('#aws-alerts', message);
    await first.update(posted, message);
    await second.post(posted.channel, message, { threadTs: posted.ts });
    await container().post('#aws-alerts', message);

    // Assess
    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] as number));
    expect(sentAt).toHaveLength(4);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });
});
