import { accountText, autotagNotice } from '../../blocks/autotag-notice';
import { retagThreadReply } from '../../blocks/autotag-retag-reply';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { MemberClients } from '../aws/member-clients';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore, StoredRecord } from '../store/state-store';
import { recordLaunchHome } from './home-record';
import { type AutotagNotice, noticeKey } from './notice-record';
import { ownerValue } from './owner-value';
import type { AutotagRetagJob } from './retag-job';
import { writeTags } from './write-tags';

export interface RetagDeps {
  store: StateStore;
  sink: SlackSink;
  clients: Pick<MemberClients, 'ec2'>;
  /** slack.auditChannel: every retag is also posted there. */
  auditChannel?: string;
  now?: () => Date;
}

const DAY = 24 * 60 * 60;

/**
 * Changes the owner of everything a notice announced: writes the owner tag, records the change on the notice
 * (optimistic write: a concurrent retag makes this one re-read), edits the notice, replies in its thread and
 * audits. Asking for the owner it already has changes nothing (so a double click tags once).
 */
export async function retagNotice(job: AutotagRetagJob, deps: RetagDeps): Promise<SlackReply> {
  const now = deps.now ?? (() => new Date());
  const { pk, sk } = noticeKey(job.noticeId);
  const owner = await ownerValue(job.owner, deps.sink);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const record = await deps.store.get<AutotagNotice>(pk, sk);
    if (!record?.data.message) {
      return noticeReply(
        'problem',
        'That notice is no longer known to the bot (expired), so nothing was changed.',
      );
    }
    const notice = record.data;
    if (notice.history.some((change) => change.jobId === job.id)) return done(notice, owner.value);
    const sameOwner = notice.owner.value === owner.value && !notice.ownerKept;
    if (sameOwner && (!job.confirm || notice.confirmedBy === job.actor)) {
      return noticeReply('ok', `The owner is already ${owner.value}; nothing was changed.`);
    }
    if (!sameOwner) {
      await writeTags(deps.clients.ec2(notice.access), [
        { resourceIds: notice.resources.map((r) => r.id), tags: { [notice.ownerTagKey]: owner.value } },
      ]);
    }
    const updated: AutotagNotice = {
      ...notice,
      owner,
      ownerKept: false,
      ...(job.confirm ? { confirmedBy: job.actor } : {}),
      history: [
        ...notice.history,
        { jobId: job.id, from: notice.owner.value, to: owner.value, by: job.actor, at: now().toISOString() },
      ],
    };
    if (!(await saveIfUnchanged(deps.store, record, updated))) continue;
    await recordLaunchHome(deps.store, updated);
    await announce(notice, updated, job, deps);
    return done(updated, owner.value);
  }
  throw new Error(`notice ${job.noticeId} kept changing while retagging; try again`);
}

async function saveIfUnchanged(
  store: StateStore,
  record: StoredRecord<AutotagNotice>,
  updated: AutotagNotice,
): Promise<boolean> {
  const ttlSeconds = record.expiresAt
    ? Math.max(DAY, record.expiresAt - Math.floor(Date.now() / 1000))
    : undefined;
  return store.replace(record.pk, record.sk, updated, record.version, ttlSeconds ? { ttlSeconds } : {});
}

async function announce(
  before: AutotagNotice,
  after: AutotagNotice,
  job: AutotagRetagJob,
  deps: RetagDeps,
): Promise<void> {
  // Audited first: the tags have changed even if Slack then fails to show it.
  await deps.store.audit({
    action: 'autotag.retag',
    actor: job.actor,
    target: `${after.account.id}/${after.region}/${after.noticeId}`,
    result: 'ok',
    detail: {
      from: before.owner.value,
      to: after.owner.value,
      confirm: job.confirm,
      resources: after.resources.map((r) => r.id),
    },
  });
  const message = after.message;
  if (!message) return;
  const change = {
    by: job.actor,
    from: before.owner.value,
    to: after.owner.value,
    resources: after.resources.length,
    confirmed: job.confirm,
  };
  await deps.sink.update(message, autotagNotice(after));
  await deps.sink.post(message.channel, retagThreadReply(change), { threadTs: message.ts });
  if (deps.auditChannel) {
    const where = `${after.eventName} in ${accountText(after)} · ${after.region}`;
    await deps.sink.post(deps.auditChannel, retagThreadReply({ ...change, where }));
  }
}

function done(notice: AutotagNotice, value: string): SlackReply {
  return noticeReply('ok', `Owner of ${notice.resources.length} resource(s) is now ${value}.`);
}
