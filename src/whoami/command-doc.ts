import type { CommandDoc } from '../../blocks/help';

/** What `/aws-help` and a usage error show for `/aws-whoami`. */
export const WHOAMI_DOC: CommandDoc = {
  command: '/aws-whoami',
  summary: 'the AWS identity the bot acts as, in its own account or in a member account',
  usage: ['/aws-whoami', '/aws-whoami <account id or name>'],
  examples: ['/aws-whoami', '/aws-whoami prod-payments', '/aws-whoami 123456789012'],
};
