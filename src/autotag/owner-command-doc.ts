import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-owner`. */
export const OWNER_DOC: CommandDoc = {
  command: '/aws-owner',
  summary:
    'who created a resource, when, and its owner — from its tags, in the configured accounts and regions',
  usage: ['/aws-owner <ARN | instance id | bucket name>'],
  examples: [
    '/aws-owner arn:aws:rds:us-east-1:222222222222:db:orders-db',
    '/aws-owner i-0a00000000000001',
    '/aws-owner payments-invoices-2026',
  ],
};
