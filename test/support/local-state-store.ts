import { afterAll, beforeAll } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';

/**
 * A StateStore on the embedded DynamoDB for the tests of one `describe`: started before them (handed over through
 * `use`, with the DynamoDB for its endpoint), closed after them.
 */
export function useLocalStateStore(
  table: string,
  use: (store: StateStore, dynamo: LocalDynamo) => void,
): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const dynamo = await startLocalDynamo(table);
    close = () => dynamo.close();
    use(new StateStore(documentClient(dynamo.client), table), dynamo);
  });
  afterAll(() => close?.());
}
