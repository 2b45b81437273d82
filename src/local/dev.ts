import { spawn } from 'node:child_process';
import { startLocalDynamo } from '../store/local-dynamodb';
import { DEV_PORTS, DEV_STATE_TABLE, devEnvironment, LOCAL_SIGNING_SECRET } from './dev-env';

/**
 * `npm run dev`: the whole bot on this machine. Embedded DynamoDB (dynalite) on :4567, then serverless-offline
 * serving POST /slack/events on :3000 and the Lambda Invoke API on :3002 (the Slack function hands jobs to the
 * worker through it, as in AWS). Without SLACK_BOT_TOKEN, messages are printed instead of posted.
 */
async function main(): Promise<void> {
  const dynamo = await startLocalDynamo(DEV_STATE_TABLE, DEV_PORTS.dynamodb);
  const env = { ...process.env, ...devEnvironment(process.env) };
  console.log(`dynalite (state table ${DEV_STATE_TABLE}) on ${dynamo.endpoint}`);
  if (!process.env.SLACK_SIGNING_SECRET) {
    console.log(
      `SLACK_SIGNING_SECRET not set: using "${LOCAL_SIGNING_SECRET}" (try: npm run slack -- /aws-help)`,
    );
  }
  if (!process.env.SLACK_BOT_TOKEN) console.log('SLACK_BOT_TOKEN not set: Slack messages are printed here');

  const offline = spawn('npx', ['serverless', 'offline', 'start', '--stage', 'dev'], {
    env,
    stdio: 'inherit',
  });
  const stop = () => offline.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  offline.on('exit', async (code) => {
    await dynamo.close();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
