import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_TABLE_KEYS } from '../../src/store/state-table';
import { parseCloudFormation } from '../support/cloudformation-yaml';

interface StateTableResource {
  Properties: {
    KeySchema: { AttributeName: string; KeyType: string }[];
    AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
    TimeToLiveSpecification: { AttributeName: string; Enabled: boolean };
  };
}

describe('the StateTable in serverless.yml', () => {
  const serverless = parseCloudFormation(
    readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
  ) as { resources: { Resources: { StateTable: StateTableResource } } };
  const table = serverless.resources.Resources.StateTable.Properties;

  it('has the key schema the code uses (STATE_TABLE_KEYS)', () => {
    expect(table.KeySchema).toEqual([
      { AttributeName: STATE_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: STATE_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.AttributeDefinitions).toEqual([
      { AttributeName: STATE_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: STATE_TABLE_KEYS.sortKey, AttributeType: 'S' },
    ]);
  });

  it('expires records on the TTL attribute the code writes', () => {
    expect(table.TimeToLiveSpecification).toEqual({
      AttributeName: STATE_TABLE_KEYS.ttlAttribute,
      Enabled: true,
    });
  });
});
