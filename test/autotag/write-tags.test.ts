import { CreateTagsCommand, type CreateTagsCommandInput, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_TAGS_BATCH, writeTags } from '../../src/autotag/write-tags';

describe('writeTags', () => {
  const ec2 = mockClient(EC2Client);
  afterEach(() => ec2.reset());

  it('splits a large launch (a retag of 1,200 resources) into CreateTags calls EC2 accepts', async () => {
    ec2.on(CreateTagsCommand).resolves({});
    const ids = Array.from({ length: 1200 }, (_, i) => `vol-${String(i).padStart(17, '0')}`);

    await writeTags(new EC2Client({ region: 'eu-west-1' }), [
      { resourceIds: ids, tags: { Owner: 'team-a' } },
    ]);

    const calls = ec2.commandCalls(CreateTagsCommand).map((c) => c.args[0].input as CreateTagsCommandInput);
    expect(calls.map((c) => c.Resources?.length)).toEqual([CREATE_TAGS_BATCH, CREATE_TAGS_BATCH, 200]);
    expect(calls.flatMap((c) => c.Resources)).toEqual(ids);
    expect(calls.every((c) => JSON.stringify(c.Tags) === '[{"Key":"Owner","Value":"team-a"}]')).toBe(true);
  });
});
