import { createHash } from 'node:crypto';
import type { HealthEventView } from './event-view';
import { type HealthStatus, isRecovered } from './health-delivery';

/** What a channel's message showed when it was last rendered; the next render says what changed since. */
export interface RenderedSnapshot {
  status: HealthStatus;
  startTime: string;
  endTime: string | undefined;
  descriptionHash: string;
  entityCounts: Record<string, number>;
  pagesReceived: number;
  /** Resources resolved or unimpaired (absent in snapshots taken before statuses were kept). */
  recovered?: number;
}

export type HealthChange =
  | { kind: 'status'; from: HealthStatus; to: HealthStatus }
  | { kind: 'startTime'; from: string; to: string }
  | { kind: 'endTime'; from: string | undefined; to: string | undefined }
  | { kind: 'description'; description: string }
  | { kind: 'entities'; accountId: string; accountName: string | undefined; added: string[] }
  | { kind: 'accounts'; added: { id: string; name: string | undefined }[] }
  | { kind: 'recovered'; count: number };

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function pagesReceived(view: HealthEventView): number {
  return Object.values(view.pages).reduce((sum, p) => sum + p.received.length, 0);
}

export function recoveredCount(view: HealthEventView): number {
  let count = 0;
  for (const account of Object.values(view.accounts))
    for (const status of Object.values(account.statuses ?? {})) if (isRecovered(status)) count += 1;
  return count;
}

export function snapshotOf(view: HealthEventView): RenderedSnapshot {
  return {
    status: view.status,
    startTime: view.startTime,
    endTime: view.endTime,
    descriptionHash: hash(view.description),
    entityCounts: Object.fromEntries(Object.entries(view.accounts).map(([id, a]) => [id, a.entities.length])),
    pagesReceived: pagesReceived(view),
    recovered: recoveredCount(view),
  };
}

/** Every difference between what a channel last saw and the view it is about to see. */
export function changesSince(before: RenderedSnapshot, view: HealthEventView): HealthChange[] {
  const changes: HealthChange[] = [];
  if (before.status !== view.status) changes.push({ kind: 'status', from: before.status, to: view.status });
  if (before.startTime !== view.startTime)
    changes.push({ kind: 'startTime', from: before.startTime, to: view.startTime });
  if (before.endTime !== view.endTime)
    changes.push({ kind: 'endTime', from: before.endTime, to: view.endTime });
  if (before.descriptionHash !== hash(view.description))
    changes.push({ kind: 'description', description: view.description });
  const newAccounts: { id: string; name: string | undefined }[] = [];
  for (const [id, account] of Object.entries(view.accounts)) {
    const seen = before.entityCounts[id];
    if (seen === undefined) newAccounts.push({ id, name: account.name });
    else if (account.entities.length > seen)
      changes.push({
        kind: 'entities',
        accountId: id,
        accountName: account.name,
        added: account.entities.slice(seen),
      });
  }
  if (newAccounts.length > 0) changes.push({ kind: 'accounts', added: newAccounts });
  const recovered = recoveredCount(view) - (before.recovered ?? recoveredCount(view));
  if (recovered > 0) changes.push({ kind: 'recovered', count: recovered });
  return changes;
}

/**
 * Which changes deserve a thread reply. An account joining an organisation-wide event, or entities arriving in
 * the later pages of one paged event, only edit the message: hundreds of such replies would bury the ones that
 * matter (status, dates, description, new entities in a later update).
 */
export function changesWorthAReply(
  before: RenderedSnapshot,
  view: HealthEventView,
  changes: readonly HealthChange[],
): HealthChange[] {
  const paging = pagesReceived(view) > before.pagesReceived;
  return changes.filter((change) => change.kind !== 'accounts' && !(paging && change.kind === 'entities'));
}
