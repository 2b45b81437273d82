import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { type QuarantinedEvent, quarantineKey } from '../lambda/quarantine';
import { AirtableOutbox } from '../store/airtable-outbox';
import { StateStore } from '../store/state-store';
import { documentClient } from '../store/state-table';
import { devEnvironment } from './dev-env';

const USAGE = `Replays events into the bot's functions with the Lambda Invoke API.

  npm run replay -- <function> <file.json|folder>…   e.g. npm run replay -- healthEvent src/local/samples/health-ec2-issue-open.json
  npm run replay -- <function> --quarantined         send again the malformed events kept for that function
  npm run replay -- --airtable                       Health rows waiting for Airtable: list them, requeue refused
                                                     ones, and run healthAirtableRetry once
Functions are serverless.yml's names: slackWorker, healthEvent, healthAirtableRetry, healthReconcile,
healthReminders, healthDigests, autotagEvent, catalogEvent, casesSchedule, supportCaseEvent. Options: --stage <stage> (default dev) · --aws: the deployed stack, with your AWS credentials
(default: the bot of \`npm run dev\`, Lambda on :3002 and dynalite on :4567).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stage: { type: 'string', default: 'dev' },
    aws: { type: 'boolean', default: false },
    quarantined: { type: 'boolean', default: false },
    airtable: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (!values.aws) Object.assign(process.env, devEnvironment(process.env));
const lambda = new LambdaClient({});
const functionName = (name: string) => `aws-chatops-${values.stage}-${name}`;
const store = new StateStore(documentClient(new DynamoDBClient({})), `aws-chatops-${values.stage}-state`);

function jsonFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

/** Invokes synchronously and prints the outcome; true when the function did not fail. */
async function invoke(name: string, payload: string, label: string): Promise<boolean> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: functionName(name), Payload: new TextEncoder().encode(payload) }),
  );
  const result = out.Payload ? new TextDecoder().decode(out.Payload) : '';
  console.log(
    `${label} → ${functionName(name)} ${out.FunctionError ? `FAILED ${out.FunctionError}: ${result}` : 'ok'}`,
  );
  return !out.FunctionError;
}

async function main(): Promise<void> {
  const [fn, ...paths] = positionals;
  if (values.help || (!fn && !values.airtable) || (fn && paths.length === 0 && !values.quarantined)) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (values.airtable) {
    const outbox = new AirtableOutbox(store, ['EventArn', 'Account']);
    for (const { key, row } of await outbox.pending())
      console.log(`pending  ${key}  attempts=${row.attempts}  ${row.lastError ?? ''}`);
    for (const { key, row } of await outbox.refused()) console.log(`refused  ${key}  ${row.lastError ?? ''}`);
    console.log(`requeued ${await outbox.requeueRefused()} refused rows`);
    await invoke('healthAirtableRetry', '{}', 'Airtable retry');
    return;
  }
  if (!fn) return;
  if (values.quarantined) {
    const kept = await store.query<QuarantinedEvent>(quarantineKey(fn), { limit: 100 });
    console.log(`${kept.length} kept event(s) for ${fn}`);
    for (const record of kept) {
      console.log(`── ${record.data.eventId} (kept because: ${record.data.problems.join('; ')})`);
      if (await invoke(fn, record.data.event, `quarantined ${record.data.eventId}`))
        await store.remove(record.pk, record.sk);
    }
    return;
  }
  for (const file of paths.flatMap(jsonFiles)) await invoke(fn, readFileSync(file, 'utf8'), file);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
