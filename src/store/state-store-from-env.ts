import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Env } from '../config/env';
import { StateStore } from './state-store';
import { documentClient } from './state-table';

/** The state table of a function (STATE_TABLE; the endpoint from the SDK's own settings), built once per container. */
export function stateStoreFromEnv(env: Pick<Env, 'STATE_TABLE'>): StateStore {
  return new StateStore(documentClient(new DynamoDBClient({})), env.STATE_TABLE);
}
