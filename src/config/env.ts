import * as z from 'zod';
import { ConfigError } from './config-error';
import { describeZodProblems } from './zod-problems';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const envSchema = z.object({
  STAGE: z.string().default('local'),
  /** Set by serverless-offline: secrets then come only from plain env vars, never from SSM. */
  IS_OFFLINE: optionalString,
  AWS_REGION: z.string().default('us-east-1'),
  CHATOPS_CONFIG: z.string().default('chatops.config.yaml'),
  STATE_TABLE: z.string().default('aws-chatops-local-state'),
  WORKER_FUNCTION_NAME: optionalString,
  /** Where event functions send what they refuse (serverless.yml sets it). */
  FAILED_EVENTS_QUEUE_URL: optionalString,
  /** The delay queue where auto-tagging retries resources that were not ready for tags yet. */
  AUTOTAG_RETRY_QUEUE_URL: optionalString,
  SLACK_API_URL: z
    .url({ message: 'must be a URL such as https://slack.com/api/' })
    .default('https://slack.com/api/'),
  /** Hosts (`127.0.0.1`) or host:port besides Slack's whose response URLs the bot answers: local stand-ins only. */
  SLACK_RESPONSE_URL_HOSTS: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_SIGNING_SECRET_PARAM: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_BOT_TOKEN_PARAM: optionalString,
  AIRTABLE_TOKEN: optionalString,
  AIRTABLE_TOKEN_PARAM: optionalString,
  AIRTABLE_BASE_ID: optionalString,
  AIRTABLE_TABLE: optionalString,
  AIRTABLE_ENDPOINT_URL: optionalString,
});

export type Env = z.infer<typeof envSchema>;

/** Reads the process environment once; a bad value stops start-up with the variable named. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError('Invalid environment', describeZodProblems(result.error));
  }
  return result.data;
}
