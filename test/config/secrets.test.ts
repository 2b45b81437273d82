import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/config-error';
import { parseEnv } from '../../src/config/env';
import { readSecret } from '../../src/config/secrets';

describe('readSecret', () => {
  it('uses the plain env var first and does not read SSM', async () => {
    // Prepare
    const env = parseEnv({
      SLACK_BOT_TOKEN: 'from-env',
      SLACK_BOT_TOKEN_PARAM: '/aws-chatops/dev/slack-bot-token',
    });
    const readParameter = vi.fn(async () => 'from-ssm');

    // Act
    const value = await readSecret(env, 'SLACK_BOT_TOKEN', readParameter);

    // Assess
    expect(value).toBe('from-env');
    expect(readParameter).not.toHaveBeenCalled();
  });

  it('reads the SSM parameter named by <NAME>_PARAM when the env var is unset', async () => {
    const env = parseEnv({ SLACK_SIGNING_SECRET_PARAM: '/aws-chatops/dev/slack-signing-secret' });
    const readParameter = vi.fn(async (name: string) => `value of ${name}`);

    const value = await readSecret(env, 'SLACK_SIGNING_SECRET', readParameter);

    expect(value).toBe('value of /aws-chatops/dev/slack-signing-secret');
    expect(readParameter).toHaveBeenCalledWith('/aws-chatops/dev/slack-signing-secret');
  });

  it('returns undefined when neither the env var nor a parameter is configured', async () => {
    const readParameter = vi.fn(async () => 'never');

    expect(await readSecret(parseEnv({}), 'AIRTABLE_TOKEN', readParameter)).toBeUndefined();
    expect(readParameter).not.toHaveBeenCalled();
  });

  it('names the parameter it could not read, keeping the SSM error as the cause', async () => {
    // Prepare
    const env = parseEnv({ AIRTABLE_TOKEN_PARAM: '/aws-chatops/dev/airtable-token' });
    const denied = Object.assign(new Error('not authorized to perform ssm:GetParameter'), {
      name: 'AccessDeniedException',
    });

    // Act
    const read = readSecret(env, 'AIRTABLE_TOKEN', async () => {
      throw denied;
    });

    // Assess
    await expect(read).rejects.toBeInstanceOf(ConfigError);
    await expect(read).rejects.toMatchObject({
      message: 'AIRTABLE_TOKEN_PARAM: cannot read SSM parameter /aws-chatops/dev/airtable-token',
      cause: denied,
    });
  });
});
