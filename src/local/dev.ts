import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasAwsCredentials, startDemoOrganisation } from './demo-organisation';
import { DEV_STATE_TABLE, devEnvironment, devPorts, LOCAL_SIGNING_SECRET } from './dev-env';
import { startLocalDynamo } from './local-dynamodb';

const USAGE = `npm run dev [-- --demo | --aws]
  The whole bot on this machine. With no AWS credentials (or with --demo) it runs against a simulated
  organisation of sample accounts; with credentials (or --aws) it uses AWS. AWS_ENDPOINT_URL_<SERVICE> you
  export always win. Ports: DEV_HTTP_PORT (3000), DEV_LAMBDA_PORT (3002), DEV_DYNAMODB_PORT (4567).`;

/**
 * `npm run dev`: embedded DynamoDB (dynalite), the demo organisation unless AWS is wanted, then serverless-offline
 * serving POST /slack/events and the Lambda Invoke API (the Slack function hands jobs to the worker through it,
 * as in AWS). Without SLACK_BOT_TOKEN, messages are printed instead of posted.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      aws: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (values.demo && values.aws)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  // Local Node is 20 (Lambda runs 22): the SDK's reminder about that is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ports = devPorts(process.env);
  const useDemo = values.demo || (!values.aws && !hasAwsCredentials(process.env));
  const dynamo = await startLocalDynamo(DEV_STATE_TABLE, ports.dynamodb);
  const demo = useDemo ? await startDemoOrganisation(process.env) : undefined;
  const env = { ...process.env, ...devEnvironment(process.env), ...demo?.env };
  console.log(`dynalite (state table ${DEV_STATE_TABLE}) on ${dynamo.endpoint}`);
  console.log(
    demo
      ? `AWS: demo organisation (management 111111111111, prod-payments 222222222222, staging 333333333333) — ${Object.keys(demo.env).join(', ') || 'every endpoint set by you'}`
      : 'AWS: your credentials and endpoints (no demo organisation)',
  );
  if (!process.env.SLACK_SIGNING_SECRET) {
    console.log(
      `SLACK_SIGNING_SECRET not set: using "${LOCAL_SIGNING_SECRET}" (try: npm run slack -- /aws-help)`,
    );
  }
  if (!process.env.SLACK_BOT_TOKEN) console.log('SLACK_BOT_TOKEN not set: Slack messages are printed here');

  const serverless = resolve('node_modules/osls/bin/serverless.js');
  const offline = spawn(
    process.execPath,
    [
      serverless,
      'offline',
      'start',
      '--stage',
      'dev',
      '--httpPort',
      String(ports.http),
      '--lambdaPort',
      String(ports.lambda),
    ],
    { env, stdio: 'inherit' },
  );
  const stop = () => offline.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  offline.on('exit', async (code) => {
    await Promise.all([dynamo.close(), demo?.stop()]);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
