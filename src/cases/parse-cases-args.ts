import type { AccountDirectory } from '../aws/account-directory';
import { commandWords } from '../slack/api/command-words';
import {
  type CaseQuery,
  SEVERITIES,
  type Severity,
  STATUS_FILTERS,
  type StatusFilter,
  windowHoursOf,
} from './case-query';

export type CasesArgs = { ok: true; query: CaseQuery } | { ok: false; problem: string; help?: true };

export interface CasesArgsOptions {
  defaultWindow: string;
  maxWindowDays: number;
  accounts: Pick<AccountDirectory, 'tryResolve'>;
  /** For `since=`: how many days back that is. */
  now?: Date;
}

/**
 * `/aws-cases [window | since=YYYY-MM-DD] [status=…] [severity=…] [account=…] [service=…] [public]`, in any
 * order. Pure: every problem comes back as words naming the bad part, never as an exception.
 */
export function parseCasesArgs(text: string, options: CasesArgsOptions): CasesArgs {
  const words = commandWords(text);
  if (words.length === 1 && words[0]?.toLowerCase() === 'help') {
    return { ok: false, problem: 'Here is how /aws-cases works.', help: true };
  }
  let windowText: string | undefined;
  let status: StatusFilter = 'all';
  let severity: Severity | undefined;
  let account: CaseQuery['account'];
  let service: string | undefined;
  let since: string | undefined;
  let isPublic = false;
  let coverage = false;
  const seen = new Set<string>();

  for (const word of words) {
    const lower = word.toLowerCase();
    const [key = '', ...rest] = lower.split('=');
    const value = rest.join('=');
    const name = rest.length > 0 ? key : windowHoursOf(lower) !== undefined ? 'window' : lower;
    if (seen.has(name)) return { ok: false, problem: `"${name}" is given twice.` };
    seen.add(name);
    if (name === 'public' && rest.length === 0) {
      isPublic = true;
    } else if (name === 'coverage' && rest.length === 0) {
      coverage = true;
    } else if (name === 'window') {
      windowText = lower;
    } else if (name === 'since') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        return bad(word, 'since must be a day such as since=2026-01-05');
      since = value;
    } else if (name === 'status') {
      if (!isOneOf(value, STATUS_FILTERS))
        return bad(word, `status must be one of ${STATUS_FILTERS.join(', ')}`);
      status = value;
    } else if (name === 'severity') {
      if (!isOneOf(value, SEVERITIES)) return bad(word, `severity must be one of ${SEVERITIES.join(', ')}`);
      severity = value;
    } else if (name === 'service') {
      if (!/^[a-z0-9-]{1,100}$/.test(value))
        return bad(word, 'service must be a Support service code such as amazon-elastic-compute-cloud-linux');
      service = value;
    } else if (name === 'account') {
      const resolved = resolveAccount(word.slice('account='.length), options.accounts);
      if ('problem' in resolved) return { ok: false, problem: resolved.problem };
      account = resolved.account;
    } else if (rest.length > 0) {
      return bad(word, 'unknown filter; filters are since=, status=, severity=, account= and service=');
    } else {
      return bad(word, 'not a window (24h, 7d, 2w…), a filter (status=open…), `coverage` or `public`');
    }
  }

  if (since && windowText) return { ok: false, problem: 'Give a window (30d) or since=, not both.' };
  const chosenWindow = since ? sinceWindow(since, options.now ?? new Date()) : windowOf(windowText, options);
  if ('problem' in chosenWindow) return { ok: false, problem: chosenWindow.problem };
  if (chosenWindow.windowHours > options.maxWindowDays * 24) {
    const word = since ? `since=${since}` : chosenWindow.windowText;
    return bad(word, `the longest window is ${options.maxWindowDays}d`);
  }
  return {
    ok: true,
    query: {
      ...chosenWindow,
      ...(since ? { since } : {}),
      status,
      ...(severity ? { severity } : {}),
      ...(account ? { account } : {}),
      ...(service ? { service } : {}),
      public: isPublic,
      ...(coverage ? { coverage } : {}),
    },
  };
}

function windowOf(text: string | undefined, options: CasesArgsOptions) {
  const windowText = text ?? options.defaultWindow;
  return { windowText, windowHours: windowHoursOf(windowText) ?? 7 * 24 };
}

/** `since=2026-01-05`: from that day's 00:00 UTC to now, counted in whole hours (at least one). */
function sinceWindow(
  day: string,
  now: Date,
): { windowText: string; windowHours: number } | { problem: string } {
  const hours = Math.ceil((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 3600_000);
  if (hours <= 0) return { problem: `"since=${day}": that day has not started yet (UTC).` };
  return { windowText: `since ${day}`, windowHours: hours };
}

function bad(word: string, why: string): CasesArgs {
  return { ok: false, problem: `"${word}": ${why}.` };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function resolveAccount(
  input: string,
  accounts: Pick<AccountDirectory, 'tryResolve'>,
): { account: NonNullable<CaseQuery['account']> } | { problem: string } {
  if (input === '') return { problem: '"account=" needs an account id or configured name.' };
  const choice = accounts.tryResolve(input);
  if (!choice.ok) return { problem: choice.problem };
  const { id, name } = choice.account;
  return { account: name ? { id, name } : { id } };
}
