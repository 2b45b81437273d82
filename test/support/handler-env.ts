import { resolve } from 'node:path';

/**
 * The environment every handler under test runs with, as in AWS: local AWS endpoints (dynalite, STS stand-in),
 * the test config file, the Slack stand-in and a test bot token. Callers add their own variables.
 */
export function handlerEnv(local: {
  table: string;
  dynamoEndpoint: string;
  stsUrl: string;
  slackApiUrl: string;
}): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIALOCAL',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: local.dynamoEndpoint,
    AWS_ENDPOINT_URL_STS: local.stsUrl,
    STATE_TABLE: local.table,
    CHATOPS_CONFIG: resolve(__dirname, '../fixtures/config/chatops.yaml'),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: local.slackApiUrl,
    // The Slack stand-in plays response_urls on loopback: its host and port are the only ones besides Slack's the
    // bot may answer (another loopback port plays "somewhere that is not Slack" in the fuzz suite).
    SLACK_RESPONSE_URL_HOSTS: new URL(local.slackApiUrl).host,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
}
