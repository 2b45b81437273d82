import type { PostedMessage } from '../slack/api/slack-sink';
import { type CatalogHomeItem, putHomeItem, recordBestEffort } from '../store/home-items';
import type { StateStore } from '../store/state-store';
import type { FailureReport } from './enrich-failure';

/** The Home item of an alerted failure: one per stack and status (a later failure of it replaces it). */
export function catalogHomeItem(report: FailureReport, posted: PostedMessage, at: Date): CatalogHomeItem {
  const { stack, status } = report.notification;
  const product = report.catalog?.provisionedProductName ?? report.catalog?.productName;
  return {
    kind: 'catalog',
    key: `${stack.stackId}#${status}`,
    account: { id: stack.accountId, ...(report.accountName ? { name: report.accountName } : {}) },
    at: at.toISOString(),
    fields: {
      stackName: stack.stackName,
      ...(product ? { product } : {}),
      status,
      region: stack.region,
      alert: { channelId: posted.channel, ts: posted.ts },
    },
  };
}

/** After the alert is posted (best effort: never fails or holds up the alert). */
export function recordCatalogHome(store: StateStore, report: FailureReport, posted: PostedMessage) {
  return recordBestEffort(`catalog ${report.notification.stack.stackId}`, () =>
    putHomeItem(store, catalogHomeItem(report, posted, new Date())),
  );
}
