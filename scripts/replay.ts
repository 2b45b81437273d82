import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { AirtableOutbox } from '../src/store/airtable-outbox';
import { StateStore } from '../src/store/state-store';
import { documentClient } from '../src/store/state-table';

const USAGE = `Replays events into the bot's functions with the Lambda Invoke API (locally: npm run dev, then
AWS_ENDPOINT_URL_LAMBDA=http://localhost:3002; in AWS: your credentials and region).

  npm run replay -- <function> <file.json|folder>…     e.g. npm run replay -- healthEvent test/fixtures/health
  npm run replay -- <function> --quarantined <source>  events quarantined as malformed (e.g. health-event)
  npm run replay -- --airtable                         show Health rows waiting for Airtable, requeue refused
                                                       ones, and run healthAirtableRetry once
Options: --stage <stage> (default dev; functions are aws-chatops-<stage>-<function>); STATE_TABLE for the
state table (default aws-chatops-<stage>-state when not set).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    stage: { type: 'string', default: 'dev' },
    quarantined: { type: 'string' },
    airtable: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const lambda = new LambdaClient({});
const functionName = (name: string) => `aws-chatops-${values.stage}-${name}`;
const store = () =>
  new StateStore(
    documentClient(new DynamoDBClient({})),
    process.env.STATE_TABLE ?? `aws-chatops-${values.stage}-state`,
  );

function jsonFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

async function invoke(name: string, event: unknown, label: string): Promise<void> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: functionName(name), Payload: Buffer.from(JSON.stringify(event)) }),
  );
  const error = out.FunctionError
    ? ` FAILED ${out.FunctionError}: ${Buffer.from(out.Payload ?? []).toString()}`
    : ' ok';
  console.log(`${label} → ${functionName(name)}${error}`);
}

async function main(): Promise<void> {
  if (values.help || (positionals.length === 0 && !values.airtable)) {
    console.log(USAGE);
    return;
  }
  if (values.airtable) {
    const outbox = new AirtableOutbox(store(), ['EventArn', 'Account']);
    for (const { key, row } of await outbox.pending())
      console.log(`pending  ${key}  attempts=${row.attempts}  ${row.lastError ?? ''}`);
    for (const { key, row } of await outbox.refused()) console.log(`refused  ${key}  ${row.lastError ?? ''}`);
    console.log(`requeued ${await outbox.requeueRefused()} refused rows`);
    return invoke('healthAirtableRetry', {}, 'Airtable retry');
  }
  const [fn, ...paths] = positionals as [string, ...string[]];
  if (values.quarantined) {
    const records = await store().query<{ eventId: string; event: string }>(
      `quarantine#${values.quarantined}`,
    );
    for (const record of records)
      await invoke(fn, JSON.parse(record.data.event), `quarantined ${record.data.eventId}`);
    return;
  }
  for (const file of paths.flatMap(jsonFiles)) await invoke(fn, JSON.parse(readFileSync(file, 'utf8')), file);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
