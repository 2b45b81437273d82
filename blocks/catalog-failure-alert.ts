import type { KnownBlock } from '@slack/types';
import type { FailureReport } from '../src/catalog/enrich-failure';
import type { FailedResource } from '../src/catalog/root-cause';
import { provisionedProductUrl, stackEventsUrl } from './console-links';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mrkdwnLink, slackDate } from './mrkdwn';
import { escapeAndTruncate, inlineCodeWithin, joinLinesWithin, truncateText } from './truncate';

export interface CatalogAlertView {
  report: FailureReport;
  /** User (U…) or user group (S…) to notify, from the matching route. */
  mention?: string;
}

const OPERATION: Record<string, string> = {
  PROVISION_PRODUCT: 'launch',
  UPDATE_PROVISIONED_PRODUCT: 'update',
  TERMINATE_PROVISIONED_PRODUCT: 'termination',
};

/** Two console links share one section (≤ 3,000 characters). */
const LINK_URL_CHARS = 1200;

/** A failed Service Catalog launch/update/termination: what, where, why, who, and where to look next. */
export function catalogFailureAlert({ report, mention }: CatalogAlertView): SlackMessage {
  const { notification: n, catalog, rootCause } = report;
  const operation = operationOf(report);
  const subject = catalog?.provisionedProductName ?? n.stack.stackName;
  const product = productLine(report);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(truncateText(`🔴 ${capitalise(operation)} failed: ${subject}`, 150)) },
    { type: 'section', text: mrkdwnText(causeText(report, mention)) },
    { type: 'section', fields: fields(report, product) },
  ];
  const recordErrors = (catalog?.record?.errors ?? []).map(
    (error) => `• ${inlineCodeWithin(error.code, 80)} ${escapeAndTruncate(oneLine(error.description), 600)}`,
  );
  if (recordErrors.length > 0) {
    const text = joinLinesWithin(recordErrors, 2900, 'errors');
    blocks.push({ type: 'section', text: mrkdwnText(`*Service Catalog says*\n${text}`) });
  }
  const others = (rootCause?.alsoFailed ?? []).map(
    (failure) => `${inlineCodeWithin(failure.logicalId, 80)} ${escapeAndTruncate(failure.status, 40)}`,
  );
  if (others.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        mrkdwnText(`Also failed: ${joinLinesWithin(others, 1900, 'resources').replace(/\n/g, ' · ')}`),
      ],
    });
  }
  if (catalog?.versionDescription) {
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`Version: ${escapeAndTruncate(oneLine(catalog.versionDescription), 1900)}`)],
    });
  }
  blocks.push({ type: 'section', text: mrkdwnText(links(report)) });
  if (report.gaps.length > 0) {
    const lines = report.gaps.map(
      (gap) =>
        `:warning: Could not read ${escapeAndTruncate(gap.what, 80)}: ${escapeAndTruncate(oneLine(gap.why), 500)}`,
    );
    blocks.push({ type: 'context', elements: [mrkdwnText(joinLinesWithin(lines, 1990, 'problems'))] });
  }
  blocks.push({ type: 'context', elements: [mrkdwnText(footer(report))] });
  return { text: fallbackText(report, operation, subject, product), blocks };
}

function causeText(report: FailureReport, mention: string | undefined): string {
  const who = mention ? `${mention.startsWith('S') ? `<!subteam^${mention}>` : `<@${mention}>`} ` : '';
  const cause = report.rootCause?.cause;
  if (!cause) {
    const reason = report.notification.reason.trim() || report.catalog?.statusMessage?.trim();
    const where = report.stackEventsRead
      ? 'no resource failed in the stack events'
      : 'unknown, the stack events could not be read (see below)';
    const said = reason ? `\nThe stack says:\n${quote(reason, 2400)}` : '';
    return `${who}*Root cause:* ${where}.${said}`;
  }
  const nested = report.rootCause?.nestedPath.length
    ? ` in nested stack ${report.rootCause.nestedPath.map((id) => inlineCodeWithin(id, 80)).join(' › ')}`
    : '';
  return `${who}*Root cause:* ${resourceLabel(cause)}${nested} ${escapeAndTruncate(cause.status, 60)}\n${quote(cause.reason || '(no reason given)', 2400)}`;
}

function fields(report: FailureReport, product: string) {
  const { notification: n, catalog, accountName } = report;
  const pp = report.provisionedProductId
    ? `${escapeAndTruncate(catalog?.provisionedProductName ?? '(name unknown)', 300)}\n${inlineCodeWithin(report.provisionedProductId, 100)}`
    : `not a Service Catalog stack\n${inlineCodeWithin(n.stack.stackName, 200)}`;
  const account = accountName
    ? `${escapeAndTruncate(accountName, 200)} (${n.stack.accountId})`
    : n.stack.accountId;
  const who = catalog?.launchedBy ? escapeAndTruncate(catalog.launchedBy, 400) : 'unknown';
  const when = catalog?.launchedAt ? ` · ${slackDate(catalog.launchedAt)}` : '';
  return [
    mrkdwnText(`*Product*\n${escapeAndTruncate(product, 600)}`),
    mrkdwnText(`*Provisioned product*\n${pp}`),
    mrkdwnText(`*Account*\n${account}`),
    mrkdwnText(`*Region*\n${escapeAndTruncate(n.stack.region, 60)}`),
    mrkdwnText(`*Stack status*\n${inlineCodeWithin(n.status, 60)}`),
    mrkdwnText(`*Launched by*\n${who}${when}`),
  ];
}

/** Console links; one whose URL would not fit a Slack message (a hostile stack id) is shown as its label only. */
function links(report: FailureReport): string {
  const stack = report.notification.stack;
  const link = (url: string, label: string) =>
    url.length <= LINK_URL_CHARS ? mrkdwnLink(url, label) : label;
  const events = link(stackEventsUrl(stack), 'Stack events in CloudFormation');
  const pp = report.provisionedProductId
    ? `${link(provisionedProductUrl(stack, report.provisionedProductId), 'Provisioned product in Service Catalog')} · `
    : '';
  return `:mag: ${pp}${events} _(sign in to account ${stack.accountId} first)_`;
}

function footer(report: FailureReport): string {
  const n = report.notification;
  const time =
    n.timestamp && !Number.isNaN(Date.parse(n.timestamp))
      ? ` · failed ${slackDate(new Date(n.timestamp))}`
      : '';
  const record = report.catalog?.record ? ` · record ${inlineCodeWithin(report.catalog.record.id, 80)}` : '';
  return `Stack ${inlineCodeWithin(n.stack.stackName, 200)}${record}${time} · via ${n.source === 'sns' ? 'SNS notification' : 'EventBridge'} · ${report.role ? `role ${inlineCodeWithin(report.role, 200)}` : 'read with the bot’s own credentials'}`;
}

/** Plain words, escaped as a whole: Slack renders the fallback as mrkdwn in notifications. */
function fallbackText(report: FailureReport, operation: string, subject: string, product: string): string {
  const n = report.notification;
  const where = `${report.accountName ?? n.stack.accountId} ${n.stack.region}`;
  const cause = report.rootCause?.cause;
  const why = cause
    ? `${cause.logicalId}: ${oneLine(cause.reason)}`
    : oneLine(n.reason) || 'see stack events';
  return escapeAndTruncate(
    `Service Catalog ${operation} failed: ${subject} (${product}) in ${where}, ${n.status}. Root cause: ${why}`,
    1000,
  );
}

function productLine(report: FailureReport): string {
  const catalog = report.catalog;
  if (!report.provisionedProductId) return '—';
  const name = catalog?.productName ?? catalog?.productId ?? 'unknown product';
  return catalog?.versionName ? `${name} ${catalog.versionName}` : `${name} (version unknown)`;
}

function operationOf(report: FailureReport): string {
  const type = report.catalog?.record?.type;
  if (type && OPERATION[type]) return OPERATION[type];
  const status = report.notification.status;
  if (status.startsWith('UPDATE')) return 'update';
  if (status.startsWith('DELETE')) return 'termination';
  if (status.startsWith('IMPORT')) return 'import';
  return report.provisionedProductId ? 'launch' : 'stack operation';
}

function resourceLabel(cause: FailedResource): string {
  return `${inlineCodeWithin(cause.logicalId, 200)} (${escapeAndTruncate(cause.type, 150)})`;
}

/** Multi-line text as a mrkdwn block quote, escaped and cut to `max`. */
function quote(text: string, max: number): string {
  const lines = escapeAndTruncate(text.trim(), max - 200).split('\n');
  const kept = lines.length > 30 ? [...lines.slice(0, 29), '…'] : lines;
  return kept.map((line) => `>${line}`).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
