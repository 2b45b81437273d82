import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { StateStore } from '../store/state-store';
import { auditHealthAction } from './audit-health-action';
import type { HealthEventView } from './event-view';
import { alertRenderer, type HealthJobDeps } from './health-job-deps';
import type { HealthExpandJob } from './health-jobs';
import { eventKey, HEALTH_STATE_TTL_SECONDS } from './health-state';
import { digestMessageKey, type PostedDigest } from './send-digests';

/** Sends one account's part of an event to `channel` from now on; the event record's version that holds it. */
async function routeTo(store: StateStore, eventArn: string, accountId: string, channel: string) {
  const { pk, sk } = eventKey(eventArn);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const record = await store.get<HealthEventView>(pk, sk);
    const account = record?.data.accounts[accountId];
    if (!record || !account) return undefined;
    if (account.channels.includes(channel)) return record.version;
    const next: HealthEventView = {
      ...record.data,
      accounts: {
        ...record.data.accounts,
        [accountId]: { ...account, channels: [...account.channels, channel] },
      },
    };
    if (await store.replace(pk, sk, next, record.version, { ttlSeconds: HEALTH_STATE_TTL_SECONDS }))
      return record.version + 1;
  }
  return undefined;
}

/**
 * "Post as alert" on a digest line: the line is the one at that index of the digest clicked (bound to that
 * message), the event's account is routed to the digest's channel from now on, and its full alert is posted there
 * (once: a second click finds it posted), updated in place like any alert.
 */
export async function runHealthExpand(job: HealthExpandJob, deps: HealthJobDeps): Promise<SlackReply> {
  const { pk, sk } = digestMessageKey(job.channelId, job.ts);
  const digest = (await deps.store.get<PostedDigest>(pk, sk))?.data;
  const line = digest?.lines[job.index];
  if (!digest || !line)
    return noticeReply('problem', 'That button only works on a Health digest the bot posted.');
  const version = await routeTo(deps.store, line.eventArn, line.accountId, digest.channel);
  if (version === undefined) return noticeReply('problem', 'The bot no longer has that event.');
  const outcome = await alertRenderer(deps).render(line.eventArn, digest.channel, version);
  await auditHealthAction(
    {
      action: 'health.expand',
      actor: job.actor,
      target: line.eventArn,
      result: 'ok',
      detail: { account: line.accountId, channel: digest.channel, posted: outcome.posted > 0 },
    },
    deps,
  );
  return noticeReply('ok', 'Posted as a full alert in this channel.');
}
