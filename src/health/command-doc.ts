import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-health`. */
export const HEALTH_DOC: CommandDoc = {
  command: '/aws-health',
  summary: 'open AWS Health events by account and service, the active mutes, or one event in full',
  usage: ['/aws-health', '/aws-health mutes', '/aws-health <event ARN or id>'],
  examples: [
    '/aws-health',
    '/aws-health mutes',
    '/aws-health AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae-af1f-54e6-a526-d0179ed6d68f',
  ],
};
