import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-cases`. */
export const CASES_DOC: CommandDoc = {
  command: '/aws-cases',
  summary: 'support cases of every account in a window: totals, the cases that matter most, CSV and chart',
  usage: [
    '/aws-cases [window] [status=open|resolved|all] [severity=low|normal|high|urgent|critical] [account=<id or name>] [service=<code>] [public]',
    'window: 24h, 7d, 2w… (default 7d); public posts the report in the channel',
  ],
  examples: [
    '/aws-cases',
    '/aws-cases 30d status=open',
    '/aws-cases 2w severity=urgent account=prod-payments public',
  ],
};
