import type { CaseDetails } from '@aws-sdk/client-support';
import { SEVERITIES, type Severity } from './case-query';

/** One support case, flattened for the report and the CSV. */
export interface CaseRecord {
  caseId: string;
  displayId: string;
  accountId: string;
  accountName: string | undefined;
  subject: string;
  /** Support's status code: opened, unassigned, work-in-progress, pending-customer-action, reopened, resolved. */
  status: string;
  severity: Severity | string;
  service: string;
  category: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  submittedBy: string;
}

export function isResolved(record: Pick<CaseRecord, 'status'>): boolean {
  return record.status === 'resolved';
}

/** 0 for critical … 4 for low; unknown codes after every known one. */
export function severityRank(severity: string): number {
  const index = (SEVERITIES as readonly string[]).indexOf(severity);
  return index === -1 ? SEVERITIES.length : index;
}

/** Support answers `timeCreated` as `2024-05-01T10:15:00.000Z` (sometimes without the zone); kept as UTC ISO. */
export function toIsoTime(value: string | undefined): string {
  if (!value) return '';
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function caseRecordOf(
  details: CaseDetails,
  account: { id: string; name: string | undefined },
): CaseRecord {
  return {
    caseId: details.caseId ?? '',
    displayId: details.displayId ?? details.caseId ?? '',
    accountId: account.id,
    accountName: account.name,
    subject: details.subject ?? '',
    status: details.status ?? 'unknown',
    severity: details.severityCode ?? 'unknown',
    service: details.serviceCode ?? 'unknown',
    category: details.categoryCode ?? '',
    createdAt: toIsoTime(details.timeCreated),
    submittedBy: details.submittedBy ?? '',
  };
}
