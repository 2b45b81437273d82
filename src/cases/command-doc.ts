import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-cases`. */
export const CASES_DOC: CommandDoc = {
  command: '/aws-cases',
  summary: 'support cases of every account in a window: totals, the cases that matter most, CSV and chart',
  usage: [
    '/aws-cases [window | since=YYYY-MM-DD] [status=open|resolved|all] [severity=low|normal|high|urgent|critical] [account=<id or name>] [service=<code>] [public]',
    'window: 24h, 7d, 2w… up to 365d (default 7d); status=open: every case open now, whatever its creation date; public posts the report in the channel',
    '/aws-cases coverage [account=…] [public]: which accounts cannot be read, by cause with the fix (CSV too)',
  ],
  examples: [
    '/aws-cases',
    '/aws-cases status=open',
    '/aws-cases since=2026-01-05',
    '/aws-cases coverage',
    '/aws-cases 2w severity=urgent account=prod-payments public',
  ],
};
