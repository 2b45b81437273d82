import { type CasesHomeItem, putHomeItem, recordBestEffort } from '../store/home-items';
import type { StateStore } from '../store/state-store';
import { isResolved } from './case-record';
import type { PreparedReport } from './prepare-report';

/**
 * Every account the report read: its open and total cases (0 too, so a count that dropped to 0 shows it); an
 * account it could not read is recorded as unread, so the Home says so instead of dropping it from the sum.
 */
export function casesHomeItems(prepared: PreparedReport): CasesHomeItem[] {
  const { collection, targets } = prepared;
  const failed = new Set(collection.failures.map((failure) => failure.account.id));
  const at = collection.finishedAt.toISOString();
  return targets.map((account) => {
    const cases = collection.cases.filter((record) => record.accountId === account.id);
    return {
      kind: 'cases',
      key: 'report',
      account: { id: account.id, ...(account.name ? { name: account.name } : {}) },
      at,
      fields: {
        open: cases.filter((record) => !isResolved(record)).length,
        total: cases.length,
        window: collection.query.windowText,
        ...(failed.has(account.id) ? { unread: true as const } : {}),
      },
    };
  });
}

/** One account's item each, written together; a report of hundreds of accounts gets a little longer. */
export function recordCasesHome(store: StateStore, prepared: PreparedReport): Promise<void> {
  return recordBestEffort(
    'case report',
    () => Promise.all(casesHomeItems(prepared).map((item) => putHomeItem(store, item))),
    3000,
  );
}
