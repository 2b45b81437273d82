import type { CommandDoc } from '../../blocks/help';

/** Every slash command the bot answers, as `/aws-help` lists them. Each feature adds its own entry. */
export const HELP_DOC: CommandDoc = {
  command: '/aws-help',
  summary: 'every command with its usage and examples',
  usage: ['/aws-help'],
  examples: [],
};

export const WHOAMI_DOC: CommandDoc = {
  command: '/aws-whoami',
  summary: 'the AWS identity the bot acts as, in its own account or in a member account',
  usage: ['/aws-whoami', '/aws-whoami <account id or name>'],
  examples: ['/aws-whoami', '/aws-whoami prod-payments', '/aws-whoami 123456789012'],
};

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

export const BUCKET_DOC: CommandDoc = {
  command: '/aws-bucket',
  summary:
    'S3 bucket tasks: create (name checked, private, encrypted), list, inspect, CSV→JSON, public website. ' +
    'Upload a file from Slack with the message shortcut "Upload to S3". Mutating ones are allow-listed and audited.',
  usage: [
    '/aws-bucket create <name> [region] [account=<id or name>]',
    '/aws-bucket ls [prefix] [account=…]',
    '/aws-bucket info <bucket> [account=…]',
    '/aws-bucket convert <bucket> <key.csv> [to=<key.json>] [account=…]',
    '/aws-bucket website <bucket> [index.html] [error.html] [account=…]',
    '/aws-bucket help',
  ],
  examples: [
    '/aws-bucket create team-reports eu-west-1 account=staging',
    '/aws-bucket convert team-reports data/sales.csv',
  ],
};

export const COMMAND_CATALOG: readonly CommandDoc[] = [HELP_DOC, WHOAMI_DOC, CASES_DOC, BUCKET_DOC];
