import type { KnownBlock } from '@slack/types';
import type { CaseRecord } from '../src/cases/case-record';
import type { SeverityBuckets } from '../src/cases/chart-buckets';
import type { CaseSummary, Count } from '../src/cases/summarize-cases';
import { caseDetailsButton, caseDetailsMenu } from './case-details';
import { casesChartBlock, casesTableBlock } from './cases-native';
import { type MessageBlock, mrkdwnText, plainText, type SlackReply } from './message';
import { inlineCode, slackDate } from './mrkdwn';
import { SLACK_LIMITS } from './slack-limits';
import { escapeAndTruncate, joinLinesWithin, moreText, truncateText } from './truncate';

export interface CasesReportView {
  windowText: string;
  /** What the report covers (`every case open now, any creation date`, `since 2026-01-05`); default `last <window>`. */
  coverage?: string;
  /** Every case open now, whatever its creation date (status=open): the counts say "open now", not "created since". */
  openNow?: boolean;
  /** `status=open severity=urgent`, empty when none. */
  filters: string;
  from: Date;
  to: Date;
  accountsTotal: number;
  failures: readonly ReportFailure[];
  summary: CaseSummary;
  tableRows: number;
  elapsedMs: number;
  /** Where the CSV and chart went, or why they did not (plain text). */
  filesNote: string | undefined;
  responseType: SlackReply['responseType'];
  /**
   * Native chart and table (data_visualization + data_table) instead of the table as text; left out for a
   * workspace that answered `invalid_blocks` to them.
   */
  native?: { chart: SeverityBuckets };
}

/** An account not read: AWS's reason, and the kind of failure with its fix (accounts are grouped by both). */
export interface ReportFailure {
  accountId: string;
  accountName: string | undefined;
  reason: string;
  cause?: { label: string; fix: string };
}

const SEVERITY_ICON: Record<string, string> = {
  critical: ':rotating_light:',
  urgent: ':red_circle:',
  high: ':large_orange_circle:',
  normal: ':large_yellow_circle:',
  low: ':white_circle:',
};

/** Sections of table lines, each inside the section limit; at most `maxSections`. */
const TABLE_SECTIONS = 3;

/** `/aws-cases` and the weekly report: totals, the cases that matter most, failed accounts. Pure. */
export function casesReport(view: CasesReportView): SlackReply {
  const { summary } = view;
  const read = view.accountsTotal - view.failures.length;
  const filters = view.filters ? ` · ${inlineCode(view.filters)}` : '';
  const when = view.openNow
    ? 'open now, whatever their creation date,'
    : `created since ${slackDate(view.from)}`;
  const blocks: MessageBlock[] = [
    { type: 'header', text: plainText(truncateText(`Support cases · ${coverageOf(view)}`, 150)) },
    {
      type: 'section',
      text: mrkdwnText(
        `*${summary.total}* case${summary.total === 1 ? '' : 's'} (*${summary.open}* open) ${when} in *${read}* of ${view.accountsTotal} account${view.accountsTotal === 1 ? '' : 's'}${filters}` +
          (view.failures.length > 0
            ? `\n:warning: *${view.failures.length}* account${view.failures.length === 1 ? '' : 's'} could not be read (listed below by cause, with the fix).`
            : ''),
      ),
    },
  ];
  if (summary.total > 0) {
    blocks.push(
      {
        type: 'section',
        fields: [
          mrkdwnText(`*By status*\n${countLines(summary.byStatus, 10)}`),
          mrkdwnText(`*By severity*\n${countLines(summary.bySeverity, 10, SEVERITY_ICON)}`),
        ],
      },
      {
        type: 'section',
        fields: [
          mrkdwnText(`*By account*\n${countLines(summary.byAccount, 10)}`),
          mrkdwnText(`*By service*\n${countLines(summary.byService, 10)}`),
        ],
      },
      { type: 'divider' },
      ...(view.native
        ? nativeBlocks(summary.ranked, view.tableRows, view.native.chart)
        : tableBlocks(summary.ranked, view.tableRows)),
    );
    // The text form gives its first cases a Details button each; the menu is for the cases without one (all of
    // them in the native form: a data_table cell cannot hold a button).
    const withoutButton = view.native ? 0 : DETAILS_BUTTONS;
    const details =
      Math.min(view.tableRows, summary.ranked.length) > withoutButton
        ? caseDetailsMenu(summary.ranked, view.tableRows)
        : undefined;
    if (details) blocks.push(details);
  } else {
    blocks.push({ type: 'section', text: mrkdwnText('No support cases in this window. :tada:') });
  }
  if (view.failures.length > 0) blocks.push(...failureBlocks(view.failures));
  const context = [`${(view.elapsedMs / 1000).toFixed(1)} s`, `generated ${slackDate(view.to)}`];
  if (view.filesNote) context.unshift(escapeAndTruncate(view.filesNote, 300));
  blocks.push({ type: 'context', elements: [mrkdwnText(context.join(' · '))] });
  return { responseType: view.responseType, text: fallbackText(view), blocks };
}

function coverageOf(view: CasesReportView): string {
  return view.coverage ?? `last ${view.windowText}`;
}

function fallbackText(view: CasesReportView): string {
  const read = view.accountsTotal - view.failures.length;
  const count = view.failures.length;
  const failed = count > 0 ? `; ${count} account${count === 1 ? '' : 's'} could not be read` : '';
  return truncateText(
    `Support cases, ${coverageOf(view)}: ${view.summary.total} (${view.summary.open} open) in ${read} of ${view.accountsTotal} accounts${failed}.`,
    500,
  );
}

function countLines(counts: readonly Count[], max: number, icons: Record<string, string> = {}): string {
  const lines = counts.map(
    ({ key, count }) => `${icons[key] ? `${icons[key]} ` : ''}${escapeAndTruncate(key, 80)}: *${count}*`,
  );
  const kept = lines.length > max ? [...lines.slice(0, max - 1), moreText(lines.length - max + 1)] : lines;
  return joinLinesWithin(kept, SLACK_LIMITS.fieldText - 20);
}

function caseLine(record: CaseRecord): string {
  const icon = SEVERITY_ICON[record.severity] ?? ':grey_question:';
  const account = record.accountName ?? record.accountId;
  const createdAt = new Date(record.createdAt);
  const created = Number.isNaN(createdAt.getTime())
    ? escapeAndTruncate(record.createdAt || '?', 30)
    : slackDate(createdAt, '{date_short}');
  return (
    `${icon} ${inlineCode(truncateText(record.displayId, 20))} *${escapeAndTruncate(record.subject || '(no subject)', 90)}*\n` +
    `      ${escapeAndTruncate(record.severity, 30)} · ${escapeAndTruncate(record.status, 40)} · ${escapeAndTruncate(account, 40)} · ${created} · ${escapeAndTruncate(record.submittedBy, 50)}`
  );
}

/**
 * Top cases shown one per section with a Details button beside them; the cases after these share sections (and
 * the Details menu). 10 keeps the report far inside 50 blocks even with every failure section (≤ 11).
 */
const DETAILS_BUTTONS = 10;

function tableBlocks(ranked: readonly CaseRecord[], rows: number): KnownBlock[] {
  const top = ranked.slice(0, rows);
  const withButton = top.slice(0, DETAILS_BUTTONS);
  const rest = packSections(top.slice(DETAILS_BUTTONS).map(caseLine), SLACK_LIMITS.sectionText);
  const shown = withButton.length + rest.shown;
  const title = `*Cases that matter most* (open first, by severity, newest): ${shown} of ${ranked.length}`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(title) },
    ...withButton.map(
      (record): KnownBlock => ({
        type: 'section',
        text: mrkdwnText(caseLine(record)),
        ...(record.caseId ? { accessory: caseDetailsButton(record) } : {}),
      }),
    ),
    ...rest.texts.map((text): KnownBlock => ({ type: 'section', text: mrkdwnText(text) })),
  ];
  if (ranked.length > shown) {
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`${moreText(ranked.length - shown, 'cases')}: every case is in the CSV.`)],
    });
  }
  return blocks;
}

function nativeBlocks(ranked: readonly CaseRecord[], rows: number, chart: SeverityBuckets): MessageBlock[] {
  const table = casesTableBlock(ranked, rows);
  const shown = table.rows.length - 1;
  const blocks: MessageBlock[] = [casesChartBlock(chart), table];
  if (ranked.length > shown) {
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`${moreText(ranked.length - shown, 'cases')}: every case is in the CSV.`)],
    });
  }
  return blocks;
}

/** Whole entries into at most TABLE_SECTIONS texts of at most `max` characters each. */
function packSections(entries: readonly string[], max: number): { texts: string[]; shown: number } {
  const texts: string[] = [];
  let current = '';
  let shown = 0;
  for (const entry of entries) {
    if (current !== '' && current.length + 1 + entry.length > max) {
      if (texts.length + 1 >= TABLE_SECTIONS) break;
      texts.push(current);
      current = '';
    }
    current = current === '' ? entry : `${current}\n${entry}`;
    shown += 1;
  }
  if (current !== '') texts.push(current);
  return { texts, shown };
}

/** Sections of failure groups (largest first); the groups after these are summed up in one line. */
const FAILURE_GROUP_SECTIONS = 8;
const IN_FAILURES_CSV = 'every account not read is in the failures CSV';

/**
 * The accounts not read, grouped by cause (largest first), each cause with its fix, then by reason:
 * `*21 × reason*` and the accounts, as many as fit in the section. Every one of them is in the failures CSV,
 * with AWS's full error.
 */
export function failureBlocks(failures: readonly ReportFailure[], title?: string): KnownBlock[] {
  const groups = groupFailures(failures);
  const shown = groups.slice(0, FAILURE_GROUP_SECTIONS);
  const hidden = groups.slice(FAILURE_GROUP_SECTIONS);
  const heading =
    title ?? `:warning: *Accounts not read: ${failures.length}*, by cause with the fix (${IN_FAILURES_CSV})`;
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'section', text: mrkdwnText(heading) },
    ...shown.map((group, index): KnownBlock => {
      const first = index === 0 || shown[index - 1]?.causeKey !== group.causeKey;
      const cause =
        first && group.cause
          ? `:wrench: *${escapeAndTruncate(group.cause.label, 150)}* (${group.causeTotal}): ${escapeAndTruncate(group.cause.fix, 600)}\n`
          : '';
      const head = `${cause}*${group.names.length} × ${escapeAndTruncate(group.reason, 300)}*`;
      const list = commaListWithin(group.names, SLACK_LIMITS.sectionText - head.length - 1);
      return { type: 'section', text: mrkdwnText(`${head}\n${list}`) };
    }),
  ];
  if (hidden.length > 0) {
    const accounts = hidden.reduce((sum, group) => sum + group.names.length, 0);
    const text = `…and ${hidden.length} more reasons (${accounts} accounts): ${IN_FAILURES_CSV}.`;
    blocks.push({ type: 'context', elements: [mrkdwnText(text)] });
  }
  return blocks;
}

interface FailureGroup {
  causeKey: string;
  cause: ReportFailure['cause'];
  causeTotal: number;
  reason: string;
  names: string[];
}

/** Reason groups, those of one cause together; the largest cause first, then the largest reason. */
function groupFailures(failures: readonly ReportFailure[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const causeTotals = new Map<string, number>();
  for (const failure of failures) {
    const causeKey = failure.cause?.label ?? failure.reason;
    const name = failure.accountName
      ? `${escapeAndTruncate(failure.accountName, 60)} (${failure.accountId})`
      : failure.accountId;
    const key = `${causeKey}\u0000${failure.reason}`;
    const group = groups.get(key) ?? {
      causeKey,
      cause: failure.cause,
      causeTotal: 0,
      reason: failure.reason,
      names: [],
    };
    group.names.push(name);
    groups.set(key, group);
    causeTotals.set(causeKey, (causeTotals.get(causeKey) ?? 0) + 1);
  }
  for (const group of groups.values()) group.causeTotal = causeTotals.get(group.causeKey) ?? 0;
  return [...groups.values()].sort(
    (a, b) =>
      b.causeTotal - a.causeTotal ||
      a.causeKey.localeCompare(b.causeKey) ||
      b.names.length - a.names.length ||
      a.reason.localeCompare(b.reason),
  );
}

/** `a, b, c` inside `max` characters; when they do not all fit, the first ones and `…and N more: …`. */
function commaListWithin(items: readonly string[], max: number): string {
  const whole = items.join(', ');
  if (whole.length <= max) return whole;
  let kept = '';
  for (const [index, item] of items.entries()) {
    const next = kept === '' ? item : `${kept}, ${item}`;
    const more = `, ${moreText(items.length - index - 1)}: ${IN_FAILURES_CSV}`;
    if (next.length + more.length > max) {
      return `${kept}${kept === '' ? '' : ', '}${moreText(items.length - index)}: ${IN_FAILURES_CSV}`;
    }
    kept = next;
  }
  return kept;
}
