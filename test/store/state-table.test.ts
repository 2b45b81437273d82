import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type Tags } from 'yaml';
import { STATE_TABLE_KEYS } from '../../src/store/state-table';

/** CloudFormation short-form tags (!Ref, !GetAtt, !Join, …) read as plain values: enough to inspect the shape. */
const cloudFormationTags: Tags = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'Select',
  'Split',
  'If',
  'Equals',
  'ImportValue',
].flatMap((name) =>
  (['scalar', 'seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    collection: collection === 'scalar' ? undefined : collection,
    resolve: (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
  })),
) as Tags;

interface StateTableResource {
  Properties: {
    KeySchema: { AttributeName: string; KeyType: string }[];
    AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
    TimeToLiveSpecification: { AttributeName: string; Enabled: boolean };
  };
}

describe('the StateTable in serverless.yml', () => {
  const serverless = parse(readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'), {
    customTags: cloudFormationTags,
  }) as { resources: { Resources: { StateTable: StateTableResource } } };
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
