import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { whoamiReply } from '../../blocks/whoami';

const own = {
  accountId: '999999999999',
  arn: 'arn:aws:sts::999999999999:assumed-role/aws-chatops-dev-slackWorker/aws-chatops-dev-slackWorker',
  userId: 'AROAEXAMPLE:aws-chatops-dev-slackWorker',
};

describe('whoamiReply', () => {
  it("shows the bot's own identity: account, ARN and user id, without an assumed role", () => {
    // Act
    const reply = whoamiReply(own);

    // Assess
    const json = JSON.stringify(reply.blocks);
    expect(json).toContain('its own role');
    expect(json).toContain(own.arn);
    expect(json).not.toContain('Assumed role');
    expect(reply.text).toBe(`The bot acts as ${own.arn} in account 999999999999`);
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('shows the member account by name and the role assumed there', () => {
    const reply = whoamiReply({
      accountId: '333333333333',
      accountName: 'staging',
      arn: 'arn:aws:sts::333333333333:assumed-role/staging-reader/aws-chatops',
      userId: 'AROAEXAMPLE:aws-chatops',
      viaRole: 'arn:aws:iam::333333333333:role/staging-reader',
    });

    const json = JSON.stringify(reply.blocks);
    expect(json).toContain('in the member account');
    expect(json).toContain('staging (333333333333)');
    expect(json).toContain('*Assumed role*\\n`arn:aws:iam::333333333333:role/staging-reader`');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('keeps hostile, huge values inert and inside Slack limits', () => {
    // Prepare
    const hostile = '<!channel>`&'.repeat(2000);

    // Act
    const reply = whoamiReply({
      accountId: hostile,
      accountName: hostile,
      arn: hostile,
      userId: hostile,
      viaRole: hostile,
    });

    // Assess
    expect(checkSlackLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
  });
});
