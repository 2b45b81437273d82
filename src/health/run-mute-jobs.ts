import { type MuteLine, muteAnnouncement, unmutedAnnouncement } from '../../blocks/health-mute-replies';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { logger } from '../lambda/logger';
import { alertView, muteChoicesOf, sameScope } from './alert-accounts';
import { auditHealthAction } from './audit-health-action';
import type { HealthJobDeps } from './health-job-deps';
import type { HealthMuteJob, HealthUnmuteJob } from './health-jobs';
import { findMute, newMuteId, removeMute, replaceMute, type StoredMute, saveMute } from './health-mutes';
import { forgetMuteHome, recordMuteHome } from './home-records';
import { findPostedAlert } from './message-index';
import { scopePlain } from './mute-scope';
import { NOT_AN_ALERT } from './run-watch-job';

/** Audits a mute or unmute the worker refused, and tells the person why (nothing was changed). */
async function refuse(action: string, actor: string, target: string, why: string, deps: HealthJobDeps) {
  await auditHealthAction({ action, actor, target, result: 'refused', detail: { reason: why } }, deps);
  return noticeReply('problem', why);
}

export function muteLine(mute: StoredMute): MuteLine {
  return {
    id: mute.id,
    what: scopePlain(mute.scope, mute.accountName),
    by: mute.by,
    at: mute.at,
    until: mute.until,
  };
}

/**
 * A mute submitted from an alert's modal: checked against what that alert offers (a scope the alert does not show
 * cannot be muted through it), stored in the state table, audited, and announced in the alert's thread with an
 * Unmute button bound to that reply.
 */
export async function runHealthMute(job: HealthMuteJob, deps: HealthJobDeps): Promise<SlackReply> {
  const alert = await findPostedAlert(deps.store, job.channelId, job.ts);
  const view = alert && (await alertView(deps.store, alert));
  if (!alert || !view) return noticeReply('problem', NOT_AN_ALERT);
  const choice = muteChoicesOf(view).find((c) => sameScope(c.scope, job.scope));
  if (!choice) {
    return refuse(
      'health.mute',
      job.actor,
      alert.eventArn,
      'That alert does not offer this mute; nothing was changed.',
      deps,
    );
  }
  const now = deps.now();
  if (Date.parse(job.until) <= now.getTime())
    return noticeReply('problem', 'That date has passed; nothing was muted.');
  const accountName = job.scope.accountId ? view.accounts[job.scope.accountId]?.name : undefined;
  const mute: StoredMute = {
    id: newMuteId(),
    scope: job.scope,
    ...(accountName ? { accountName } : {}),
    until: job.until,
    by: job.actor,
    at: now.toISOString(),
    eventArn: alert.eventArn,
    alert: { channelId: job.channelId, ts: job.ts },
  };
  await saveMute(deps.store, mute, now);
  await recordMuteHome(deps.store, mute);
  await auditHealthAction(
    {
      action: 'health.mute',
      actor: job.actor,
      target: choice.label,
      result: 'ok',
      detail: { muteId: mute.id, until: mute.until, eventArn: alert.eventArn },
    },
    deps,
  );
  const posted = await deps.sink.post(job.channelId, muteAnnouncement(muteLine(mute)), { threadTs: job.ts });
  await replaceMute(
    deps.store,
    { ...mute, announcement: { channelId: posted.channel, ts: posted.ts } },
    1,
    now,
  );
  logger.info('health mute set', { muteId: mute.id, scope: mute.scope, until: mute.until, by: job.actor });
  return noticeReply('ok', `Muted until ${mute.until}: ${choice.label}.`);
}

/**
 * Unmute: from the mute's own thread reply (the click must come from that reply) or from the ephemeral
 * `/aws-health mutes` list. Audited; the announcement loses its button and says who unmuted.
 */
export async function runHealthUnmute(job: HealthUnmuteJob, deps: HealthJobDeps): Promise<SlackReply> {
  const found = await findMute(deps.store, job.muteId);
  if (!found) return noticeReply('ok', 'That mute has already ended or been lifted.');
  const { mute } = found;
  const from = job.message;
  if (from && (mute.announcement?.channelId !== from.channelId || mute.announcement?.ts !== from.ts)) {
    return refuse(
      'health.unmute',
      job.actor,
      mute.id,
      'That Unmute button does not belong to this mute; nothing was changed.',
      deps,
    );
  }
  await removeMute(deps.store, mute.id);
  await forgetMuteHome(deps.store, mute);
  const what = scopePlain(mute.scope, mute.accountName);
  await auditHealthAction(
    {
      action: 'health.unmute',
      actor: job.actor,
      target: what,
      result: 'ok',
      detail: { muteId: mute.id, mutedBy: mute.by, until: mute.until },
    },
    deps,
  );
  if (mute.announcement) {
    await deps.sink

      .update(
        { channel: mute.announcement.channelId, ts: mute.announcement.ts },
        unmutedAnnouncement(muteLine(mute), job.actor),
      )
      .catch((error: unknown) => logger.warn('mute announcement not updated', { muteId: mute.id, error }));
  }
  logger.info('health mute lifted', { muteId: mute.id, by: job.actor });
  return noticeReply('ok', `Unmuted: ${what}. New alerts are posted again.`);
}
