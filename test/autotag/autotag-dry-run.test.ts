import { resolve } from 'node:path';
import { CreateTagsCommand, DescribeInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { BotHarness } from '../support/bot-harness';
import { BOT_CONTEXT, fakeEc2, freshEvent } from '../support/ec2-fake';

describe('autotag-event in dry-run mode', () => {
  const bot = new BotHarness();
  let handler: typeof import('../../handlers/autotag-event').handler;

  beforeAll(async () => {
    await bot.start({ CHATOPS_CONFIG: resolve(__dirname, '../fixtures/autotag/chatops-dry-run.yaml') });
    ({ handler } = await import('../../handlers/autotag-event'));
  });
  afterAll(() => bot.stop());

  it('writes no tag and posts the plan without retag buttons (through aws-chatops-tagger by default)', async () => {
    const ec2 = fakeEc2();
    const assumedBefore = bot.sts.assumed.length;

    const outcome = await handler(freshEvent('run-instances-multi.json'), BOT_CONTEXT);

    expect(outcome).toMatchObject({ status: 'planned', resources: 9 });
    expect(ec2.commandCalls(CreateTagsCommand)).toHaveLength(0);
    const client = ec2.commandCalls(DescribeInstancesCommand)[0]?.thisValue as EC2Client;
    await client.config.credentials();
    expect(bot.sts.assumed.slice(assumedBefore)).toEqual([
      'arn:aws:iam::333333333333:role/aws-chatops-tagger',
    ]);
    const notice = (await bot.slack.waitFor('chat.postMessage')).body;
    const blocks = JSON.stringify(notice.blocks);
    expect(blocks).toContain('Dry run: would tag 3 instances, 3 volumes, 3 network interfaces');
    expect(blocks).not.toContain('autotag_retag');
    expect(checkSlackLimits(notice)).toEqual([]);
  });
});
