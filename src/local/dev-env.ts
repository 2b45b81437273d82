/** The environment `npm run dev` gives the bot: everything local, nothing that needs an AWS or Slack account. */
export const DEV_PORTS = { http: 3000, lambda: 3002, dynamodb: 4567 } as const;

/** Used when SLACK_SIGNING_SECRET is not set, so `npm run slack` can sign requests to the local bot. */
export const LOCAL_SIGNING_SECRET = 'local-dev-signing-secret';

/** serverless.yml's `${service}-${stage}-state` for stage dev, which is what the functions are told. */
export const DEV_STATE_TABLE = 'aws-chatops-dev-state';

export function devEnvironment(source: NodeJS.ProcessEnv): Record<string, string> {
  return {
    AWS_REGION: source.AWS_REGION ?? 'us-east-1',
    // Dummy keys so the SDK signs requests to the local endpoints; real AWS calls (STS for /aws-whoami) need
    // real credentials in the environment, which then take precedence.
    AWS_ACCESS_KEY_ID: source.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: source.AWS_SECRET_ACCESS_KEY ?? 'local',
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${DEV_PORTS.dynamodb}`,
    AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${DEV_PORTS.lambda}`,
    STATE_TABLE: DEV_STATE_TABLE,
    // Local Node is 20 (Lambda runs 22): the SDK's reminder about that is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SLACK_SIGNING_SECRET: source.SLACK_SIGNING_SECRET ?? LOCAL_SIGNING_SECRET,
  };
}
