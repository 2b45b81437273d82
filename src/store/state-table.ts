import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The key schema of the state table; serverless.yml declares the same (a test keeps the two in step). */
export const STATE_TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'expiresAt' } as const;

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Creates the table on a local DynamoDB (dynalite) for `npm run dev` and tests; in AWS the stack owns it. */
export async function createStateTableIfMissing(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: STATE_TABLE_KEYS.partitionKey, AttributeType: 'S' },
          { AttributeName: STATE_TABLE_KEYS.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: STATE_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: STATE_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    if (
      error instanceof ResourceInUseException ||
      (error as { name?: string }).name === 'ResourceInUseException'
    )
      return;
    throw error;
  }
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: STATE_TABLE_KEYS.ttlAttribute, Enabled: true },
      }),
    )
    .catch(() => undefined); // dynalite does not implement TTL; expiry is also checked on read.
}
