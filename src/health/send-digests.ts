import { healthDashboardUrl } from '../../blocks/console-links';
import { DIGEST_LINES_SHOWN, healthDigestMessage } from '../../blocks/health-digest';
import type { Partition } from '../config/partition';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import type { HealthConfig } from './config-schema';
import { endedPeriod, queuedLines, removeSentLine } from './digest-queue';
import { HEALTH_STATE_TTL_SECONDS } from './health-state';

/** What a posted digest lists, so "Post as alert" is bound to the digest it was clicked in. */
export interface PostedDigest {
  channel: string;
  /** The lines with a button, in order: the button's value is the index. */
  lines: { eventArn: string; accountId: string }[];
}

export const digestMessageKey = (channelId: string, ts: string) => ({
  pk: `health-digest-msg#${channelId}`,
  sk: ts,
});

export interface DigestsDeps {
  store: StateStore;
  sink: SlackSink;
  routes: HealthConfig['routes'];
  partition: Partition;
  now: Date;
}

/**
 * healthDigests: for each channel of a digest route whose period has ended, one message listing the events queued
 * before the end (claimed per channel and period, so it is sent once); the lines sent leave the queue.
 */
export async function sendDigests(deps: DigestsDeps): Promise<{ posted: number; lines: number }> {
  const outcome = { posted: 0, lines: 0 };
  const pairs = new Map<string, string>();
  for (const route of deps.routes)
    if (route.digest) for (const channel of route.channels) pairs.set(channel, route.digest);
  for (const [channel, digest] of pairs) {
    const period = endedPeriod(digest, deps.now);
    const queued = (await queuedLines(deps.store, channel)).filter(
      (q) => Date.parse(q.line.queuedAt) < period.end.getTime(),
    );
    if (queued.length === 0) continue;
    const claim = `health-digest#${channel}#${period.key}`;
    if (!(await deps.store.claim(claim, 2 * 24 * 60 * 60))) continue;
    // One message shows so many lines; the rest stay queued for the next digest, so none is lost.
    const sending = queued
      .sort((a, b) => a.line.lastUpdatedTime.localeCompare(b.line.lastUpdatedTime))
      .slice(0, DIGEST_LINES_SHOWN);
    const lines = sending.map((q) => q.line);
    const message = healthDigestMessage({
      lines,
      held: queued.length - sending.length,
      end: period.end,
      digest,
      linkOf: (line) => healthDashboardUrl(line, deps.partition),
    });
    let posted: { channel: string; ts: string };
    try {
      posted = await deps.sink.post(channel, message);
    } catch (error) {
      await deps.store.release(claim).catch(() => undefined);
      throw error;
    }
    const { pk, sk } = digestMessageKey(posted.channel, posted.ts);
    const record: PostedDigest = {
      channel,
      lines: lines.map(({ eventArn, accountId }) => ({ eventArn, accountId })),
    };
    await deps.store.create(pk, sk, record, { ttlSeconds: HEALTH_STATE_TTL_SECONDS });
    for (const q of sending) await removeSentLine(deps.store, channel, q.sk, q.version);
    outcome.posted += 1;
    outcome.lines += lines.length;
    logger.info('health digest posted', { channel, period: period.key, lines: lines.length });
  }
  return outcome;
}
