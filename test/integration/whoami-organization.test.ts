import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotHarness } from '../support/bot-harness';
import { OrganizationsStandIn } from '../support/organizations-stand-in';

/** `/aws-whoami <id>` through the real handlers: the bot assumes roles only inside its organisation. */
describe('/aws-whoami with an account id', () => {
  const bot = new BotHarness();
  const organizations = new OrganizationsStandIn([
    '111111111111',
    '222222222222',
    '333333333333',
    '444444444444',
  ]);

  beforeAll(async () => {
    await organizations.start();
    await bot.start({ AWS_ENDPOINT_URL_ORGANIZATIONS: organizations.url });
  }, 60_000);
  afterAll(() => Promise.all([bot.stop(), organizations.stop()]));

  it('refuses an account outside the organisation with a clear answer and no AssumeRole', async () => {
    await bot.command('/aws-whoami', '123456789012', { responseId: 'outside' });

    const answer = await bot.slack.waitFor('response_url', 5000, (call) => call.path.endsWith('/outside'));
    expect(String(answer.body.text)).toMatch(
      /123456789012 is neither a configured account nor in the organisation/,
    );
    expect(String(answer.body.text)).not.toMatch(/did not work/);
    expect(bot.sts.assumed.filter((arn) => arn.includes('123456789012'))).toEqual([]);
  });

  it('answers for an organisation account that is not in the config', async () => {
    await bot.command('/aws-whoami', '444444444444', { responseId: 'member' });

    const answer = await bot.slack.waitFor('response_url', 5000, (call) => call.path.endsWith('/member'));
    expect(String(answer.body.text)).toContain('444444444444');
    expect(bot.sts.assumed).toContain('arn:aws:iam::444444444444:role/aws-chatops-read');
  });
});
