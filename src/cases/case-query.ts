import * as z from 'zod';

/** Support's severity codes, most urgent first (the order of every table and chart). */
export const SEVERITIES = ['critical', 'urgent', 'high', 'normal', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUS_FILTERS = ['open', 'resolved', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What a report covers: the window, the filters, and who sees it. Travels in the job, so it is a schema. */
export const caseQuerySchema = z.object({
  /** As the person wrote it (`7d`, or `since 2026-01-05`), for headings. */
  windowText: z.string().min(2).max(20),
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(366 * 24),
  /** `since=YYYY-MM-DD`: the window starts at that day's 00:00 UTC (instead of `windowHours` before now). */
  since: z.iso.date().optional(),
  status: z.enum(STATUS_FILTERS),
  severity: z.enum(SEVERITIES).optional(),
  account: z.object({ id: z.string().regex(/^\d{12}$/), name: z.string().optional() }).optional(),
  service: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
  public: z.boolean(),
  /** `/aws-cases coverage`: which accounts can be read and why not, instead of the cases. */
  coverage: z.boolean().optional(),
});

export type CaseQuery = z.infer<typeof caseQuerySchema>;

/** `24h`, `7d`, `2w` → hours; undefined when the text is not a window. */
export function windowHoursOf(text: string): number | undefined {
  const match = /^(\d{1,4})([hdw])$/.exec(text.toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = { h: 1, d: 24, w: 7 * 24 }[match[2] as 'h' | 'd' | 'w'];
  return amount > 0 ? amount * unit : undefined;
}

/** Support keeps a case for 12 months after its creation: the longest window, and how far back "open now" reads. */
export const SUPPORT_HISTORY_DAYS = 365;

/**
 * The start of what a query reads: every case open now reaches back the whole history Support keeps, whatever the
 * window; `since=` starts at that day; otherwise the window before `now`.
 */
export function readFrom(query: CaseQuery, now: Date): Date {
  if (query.status === 'open') return new Date(now.getTime() - SUPPORT_HISTORY_DAYS * 86_400_000);
  if (query.since) return new Date(`${query.since}T00:00:00.000Z`);
  return new Date(now.getTime() - query.windowHours * 3600_000);
}

/** What the report covers, for its header: `every case open now`, `since 2026-01-05` or `last 7d`. */
export function coverageLabel(query: Pick<CaseQuery, 'status' | 'since' | 'windowText'>): string {
  if (query.status === 'open') return 'every case open now, any creation date';
  return query.since ? `since ${query.since}` : `last ${query.windowText}`;
}

/** The filters of a query in words, e.g. `status=open severity=urgent` (empty when none). */
export function describeFilters(query: CaseQuery): string {
  return [
    query.status !== 'all' ? `status=${query.status}` : '',
    query.severity ? `severity=${query.severity}` : '',
    query.account ? `account=${query.account.name ?? query.account.id}` : '',
    query.service ? `service=${query.service}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
