import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseCasesArgs } from '../../src/cases/parse-cases-args';
import { appConfigSchema } from '../../src/config/schema';

const config = appConfigSchema.parse({
  slack: { defaultChannel: 'C0ALERTS01' },
  accounts: [{ id: '222222222222', name: 'prod-payments' }],
});
const options = { defaultWindow: '7d', maxWindowDays: 90, accounts: new AccountDirectory(config) };

describe('parseCasesArgs', () => {
  it('defaults to the last 7 days, every status, ephemeral', () => {
    const args = parseCasesArgs('', options);

    expect(args).toEqual({
      ok: true,
      query: { windowText: '7d', windowHours: 168, status: 'all', public: false },
    });
  });

  it.each([
    ['24h', 24],
    ['2w', 336],
    ['30d', 720],
    ['90D', 2160],
  ])('reads the window %s as %i hours', (text, hours) => {
    const args = parseCasesArgs(text, options);

    expect(args.ok && args.query.windowHours).toBe(hours);
  });

  it('reads every filter and public, in any order and any case', () => {
    const args = parseCasesArgs(
      'public SEVERITY=urgent 2w account=PROD-PAYMENTS status=open service=amazon-s3',
      options,
    );

    expect(args).toEqual({
      ok: true,
      query: {
        windowText: '2w',
        windowHours: 336,
        status: 'open',
        severity: 'urgent',
        account: { id: '222222222222', name: 'prod-payments' },
        service: 'amazon-s3',
        public: true,
      },
    });
  });

  it('accepts an account id that is not in the config', () => {
    const args = parseCasesArgs('account=444444444444', options);

    expect(args.ok && args.query.account).toEqual({ id: '444444444444' });
  });

  it.each([
    ['yesterday', /"yesterday": not a window/],
    ['100d', /"100d": the longest window is 90d/],
    ['0d', /"0d": not a window/],
    ['status=closed', /status must be one of open, resolved, all/],
    ['severity=sev1', /severity must be one of critical, urgent, high, normal, low/],
    [
      'account=nope',
      /"nope" is neither a 12-digit account id nor a configured account name. Known names: prod-payments/,
    ],
    ['account=', /needs an account id/],
    ['service=amazon_s3!', /service must be a Support service code/],
    ['region=eu-west-1', /"region=eu-west-1": unknown filter/],
    ['7d 2w', /"window" is given twice/],
    ['public public', /"public" is given twice/],
  ])('refuses "%s" and names the bad part', (text, problem) => {
    const args = parseCasesArgs(text, options);

    expect(args.ok).toBe(false);
    expect(!args.ok && args.problem).toMatch(problem);
  });

  it('accepts a window of 365 days when the config allows a year', () => {
    const args = parseCasesArgs('365d', { ...options, maxWindowDays: 365 });

    expect(args).toMatchObject({ ok: true, query: { windowText: '365d', windowHours: 365 * 24 } });
  });

  it('reads since=YYYY-MM-DD as the window from that day (UTC) to now', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const args = parseCasesArgs('since=2026-11-01 status=resolved', { ...options, now });

    expect(args).toEqual({
      ok: true,
      query: {
        windowText: 'since 2026-11-01',
        windowHours: 31 * 24 + 12,
        since: '2026-11-01',
        status: 'resolved',
        public: false,
      },
    });
  });

  it.each([
    ['since=2026-13-01', /since must be a day such as since=2026-01-05/],
    ['since=yesterday', /since must be a day/],
    ['since=2026-12-03', /has not started yet/],
    ['since=2026-01-01', /"since=2026-01-01": the longest window is 90d/],
    ['since=2026-11-01 7d', /a window \(30d\) or since=, not both/],
  ])('refuses "%s"', (text, problem) => {
    const args = parseCasesArgs(text, { ...options, now: new Date('2026-12-02T12:00:00Z') });

    expect(!args.ok && args.problem).toMatch(problem);
  });

  it('reads coverage (with public and account=) as the coverage check', () => {
    const args = parseCasesArgs('coverage public', options);

    expect(args).toMatchObject({ ok: true, query: { coverage: true, public: true } });
  });

  it('answers help with the usage', () => {
    const args = parseCasesArgs('help', options);

    expect(args).toMatchObject({ ok: false, help: true });
  });
});
