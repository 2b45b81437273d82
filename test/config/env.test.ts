import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error';
import { parseEnv } from '../../src/config/env';

describe('parseEnv', () => {
  it('fills local defaults when nothing is set', () => {
    const env = parseEnv({});

    expect(env).toMatchObject({
      STAGE: 'local',
      CHATOPS_CONFIG: 'chatops.config.yaml',
      STATE_TABLE: 'aws-chatops-local-state',
      SLACK_API_URL: 'https://slack.com/api/',
    });
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('treats empty and blank optional values as unset', () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: '', SLACK_BOT_TOKEN_PARAM: '   ', WORKER_FUNCTION_NAME: '' });

    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
    expect(env.SLACK_BOT_TOKEN_PARAM).toBeUndefined();
    expect(env.WORKER_FUNCTION_NAME).toBeUndefined();
  });

  it('keeps values that are set', () => {
    const env = parseEnv({
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      SLACK_BOT_TOKEN_PARAM: '/aws-chatops/dev/slack-bot-token',
    });

    expect(env.SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
    expect(env.SLACK_BOT_TOKEN_PARAM).toBe('/aws-chatops/dev/slack-bot-token');
  });

  it('stops with the variable named when SLACK_API_URL is not a URL', () => {
    // Act
    let error: unknown;
    try {
      parseEnv({ SLACK_API_URL: 'slack.com/api' });
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'SLACK_API_URL: must be a URL such as https://slack.com/api/',
    ]);
    expect((error as Error).message).toContain('Invalid environment\n  - SLACK_API_URL:');
  });
});
