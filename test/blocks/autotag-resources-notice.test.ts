import { describe, expect, it } from 'vitest';
import { autotagResourcesNotice, type ResourcesNotice } from '../../blocks/autotag-resources-notice';
import { checkSlackLimits } from '../../blocks/check-limits';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';

const NOTICE: ResourcesNotice = {
  label: 'RDS DB instance',
  eventName: 'CreateDBInstance',
  arns: ['arn:aws:rds:us-east-1:222222222222:db:orders-db'],
  account: { id: '222222222222', name: 'prod-payments' },
  region: 'us-east-1',
  partition: 'aws',
  createdAt: '2026-03-03T10:00:00Z',
  creator: 'carol@example.com via SSO Developer',
  creatorArn:
    'arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Developer_0123456789abcdef/carol@example.com',
  owner: 'carol@example.com',
  ownerTagKey: 'Owner',
  dryRun: false,
  problems: [],
};

describe('the notice of a non-EC2 resource', () => {
  it('says what was created, by whom, where, with a console link and a text fallback', () => {
    const message = autotagResourcesNotice({ ...NOTICE, creatorSlackUserId: 'U0CAROL001' });
    const shown = JSON.stringify(message.blocks);

    expect(message.text).toContain('carol@example.com via SSO Developer created RDS DB instance');
    expect(shown).toContain('New RDS DB instance in prod-payments (222222222222) · us-east-1');
    expect(shown).toContain('<@U0CAROL001>');
    expect(shown).toContain(
      'https://us-east-1.console.aws.amazon.com/go/view?arn=arn%3Aaws%3Ards%3Aus-east-1%3A222222222222%3Adb%3Aorders-db|orders-db>',
    );
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('shows what could not be tagged, and keeps hostile names from AWS inert', () => {
    const message = autotagResourcesNotice({
      ...NOTICE,
      creator: '<!channel> <https://evil.example|click>',
      owner: '<!here>',
      arns: Array.from({ length: 200 }, (_, i) => `arn:aws:sqs:us-east-1:222222222222:q-${i}-<!channel>`),
      problems: ['Could not tag arn:aws:sqs:us-east-1:222222222222:q-1: InvalidParameterException'],
    });

    expect(JSON.stringify(message.blocks)).toContain('Could not tag');
    expect(unsafeMrkdwn(message, 'https://us-east-1.console.aws.amazon.com/go/view?arn=')).toEqual([]);
    expect(checkSlackLimits(message)).toEqual([]);
  });
});
