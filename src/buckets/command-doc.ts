import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-bucket` (and the Upload to S3 shortcut). */
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
