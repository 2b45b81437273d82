/** The environment `npm run dev` gives the bot: everything local, nothing that needs an AWS or Slack account. */

/** Ports of `npm run dev`; DEV_HTTP_PORT, DEV_LAMBDA_PORT and DEV_DYNAMODB_PORT move them. */
export function devPorts(source: NodeJS.ProcessEnv = process.env): {
  http: number;
  lambda: number;
  dynamodb: number;
} {
  const port = (value: string | undefined, fallback: number) =>
    value && /^\d+$/.test(value) ? Number(value) : fallback;
  return {
    http: port(source.DEV_HTTP_PORT, 3000),
    lambda: port(source.DEV_LAMBDA_PORT, 3002),
    dynamodb: port(source.DEV_DYNAMODB_PORT, 4567),
  };
}

/** Used when SLACK_SIGNING_SECRET is not set, so `npm run slack` can sign requests to the local bot. */
export const LOCAL_SIGNING_SECRET = 'local-dev-signing-secret';

/** serverless.yml's `${service}-${stage}-state` for stage dev, which is what the functions are told. */
export const DEV_STATE_TABLE = 'aws-chatops-dev-state';

/** What the user exported always wins; the local defaults fill the rest. */
export function devEnvironment(source: NodeJS.ProcessEnv): Record<string, string> {
  const ports = devPorts(source);
  return {
    AWS_REGION: source.AWS_REGION ?? 'us-east-1',
    // Dummy keys so the SDK signs requests to the local endpoints; real AWS calls need real credentials in the
    // environment, which then take precedence.
    AWS_ACCESS_KEY_ID: source.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: source.AWS_SECRET_ACCESS_KEY ?? 'local',
    AWS_ENDPOINT_URL_DYNAMODB: source.AWS_ENDPOINT_URL_DYNAMODB || `http://127.0.0.1:${ports.dynamodb}`,
    AWS_ENDPOINT_URL_LAMBDA: source.AWS_ENDPOINT_URL_LAMBDA || `http://127.0.0.1:${ports.lambda}`,
    STATE_TABLE: DEV_STATE_TABLE,
    // Local Node is 20 (Lambda runs 22): the SDK's reminder about that is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SLACK_SIGNING_SECRET: source.SLACK_SIGNING_SECRET || LOCAL_SIGNING_SECRET,
  };
}
