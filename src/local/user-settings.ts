/**
 * The variables docs/configuration.md documents for a local run. Under `npm run dev` what the user exported wins over
 * serverless.yml's values (its `${param:…}` defaults are meant for deployments), for every function.
 */
export const DOCUMENTED_SETTINGS = [
  'SLACK_SIGNING_SECRET',
  'SLACK_SIGNING_SECRET_PARAM',
  'SLACK_BOT_TOKEN',
  'SLACK_BOT_TOKEN_PARAM',
  'SLACK_API_URL',
  'SLACK_RESPONSE_URL_HOSTS',
  'AIRTABLE_TOKEN',
  'AIRTABLE_TOKEN_PARAM',
  'AIRTABLE_BASE_ID',
  'AIRTABLE_TABLE',
  'AIRTABLE_ENDPOINT_URL',
  'POWERTOOLS_LOG_LEVEL',
] as const;

/** The AWS SDK's own endpoint settings: AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>. */
const AWS_ENDPOINT = /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/;

/** The documented settings (and AWS endpoints) that are set and not blank in `source`. */
export function userSettings(source: NodeJS.ProcessEnv): Record<string, string> {
  const names = new Set<string>(DOCUMENTED_SETTINGS);
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] =>
        (names.has(entry[0]) || AWS_ENDPOINT.test(entry[0])) && (entry[1] ?? '').trim() !== '',
    ),
  );
}
