import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { type QuarantinedEvent, quarantineKey } from '../runtime/quarantine';
import { StateStore } from '../store/state-store';
import { documentClient } from '../store/state-table';
import { DEV_PORTS, devEnvironment } from './dev-env';

const USAGE = `usage:
  npm run replay -- <function> <event.json>        invoke a function with a sample event (e.g. test/fixtures/…)
  npm run replay -- <function> --quarantined       send again every malformed event kept for that function
options: --stage <stage> (default dev)   --aws (the deployed stack, with your AWS credentials; default: npm run dev)
functions are serverless.yml's names: slackWorker, healthEvent, autotagEvent, catalogEvent, casesSchedule`;

/** Invokes an event function synchronously and prints what it returned, locally (:3002) or in AWS. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const option = (name: string) => args[args.indexOf(name) + 1];
  const stage = flag('--stage') ? (option('--stage') ?? 'dev') : 'dev';
  const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--stage');
  const [functionName, eventFile] = positional;
  if (!functionName || (!eventFile && !flag('--quarantined'))) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!flag('--aws')) Object.assign(process.env, devEnvironment(process.env));
  const lambda = new LambdaClient(flag('--aws') ? {} : { endpoint: `http://127.0.0.1:${DEV_PORTS.lambda}` });
  const fullName = `aws-chatops-${stage}-${functionName}`;

  if (eventFile) {
    await invoke(lambda, fullName, readFileSync(eventFile, 'utf8'));
    return;
  }
  const store = new StateStore(documentClient(new DynamoDBClient({})), `aws-chatops-${stage}-state`);
  const kept = await store.query<QuarantinedEvent>(quarantineKey(functionName), { limit: 100 });
  console.log(`${kept.length} kept event(s) for ${functionName}`);
  for (const record of kept) {
    console.log(`── ${record.data.eventId} (kept because: ${record.data.problems.join('; ')})`);
    if (await invoke(lambda, fullName, record.data.event)) await store.remove(record.pk, record.sk);
  }
}

async function invoke(lambda: LambdaClient, functionName: string, payload: string): Promise<boolean> {
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: new TextEncoder().encode(payload),
    }),
  );
  const result = out.Payload ? new TextDecoder().decode(out.Payload) : '';
  console.log(
    `${functionName} → ${out.StatusCode}${out.FunctionError ? ` ${out.FunctionError}` : ''} ${result}`,
  );
  return !out.FunctionError;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
