import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-health`. */
export const HEALTH_DOC: CommandDoc = {
  command: '/aws-health',
  summary:
    'open AWS Health events by account and service, the active mutes, one event in full, and your subscriptions (alerts by direct message)',
  usage: [
    '/aws-health',
    '/aws-health mutes',
    '/aws-health <event ARN or id>',
    '/aws-health subscribe account <name or id> | service <SERVICE> | category <category> | event-type <GLOB> [in <account>]',
    '/aws-health unsubscribe <same as subscribe>',
    '/aws-health subscriptions',
  ],
  examples: [
    '/aws-health',
    '/aws-health mutes',
    '/aws-health AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae-af1f-54e6-a526-d0179ed6d68f',
    '/aws-health subscribe service EC2 in prod-payments',
    '/aws-health subscribe event-type AWS_VPN_*',
  ],
};
