import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../blocks/message';
import { auditBucketRefusal } from '../../src/buckets/audit-bucket-refusal';
import type { LocalDynamo } from '../../src/local/local-dynamodb';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { useLocalStateStore } from '../support/local-state-store';

const MAKER = 'U0MAKER01';
const refusal = {
  action: 'bucket.website',
  target: 's3://prod-site in staging (333333333333)',
  reason: 'In staging the bot only changes buckets named stg-*; "prod-site" is not one of them.',
};

describe('auditBucketRefusal', () => {
  let store: StateStore;
  let dynamo: LocalDynamo;
  useLocalStateStore('audit-bucket-refusal-test', (s, d) => {
    store = s;
    dynamo = d;
  });

  function channelPosts() {
    const posts: { channel: string; message: SlackMessage }[] = [];
    const post = async (channel: string, message: SlackMessage) => {
      posts.push({ channel, message });
    };
    return { posts, post };
  }

  it('records who was refused what and why, then posts it to the audit channel', async () => {
    const { posts, post } = channelPosts();

    await auditBucketRefusal(refusal, MAKER, { store, auditChannel: 'C0AUDIT001', post });

    expect(await store.listAudit('bucket.website')).toContainEqual(
      expect.objectContaining({
        actor: MAKER,
        target: refusal.target,
        result: 'refused',
        detail: { reason: refusal.reason },
      }),
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe('C0AUDIT001');
  });

  it('only records it when no audit channel is configured', async () => {
    const { posts, post } = channelPosts();

    await auditBucketRefusal({ ...refusal, action: 'bucket.upload' }, MAKER, {
      store,
      auditChannel: undefined,
      post,
    });

    expect(await store.listAudit('bucket.upload')).toHaveLength(1);
    expect(posts).toEqual([]);
  });

  it('never fails the refusal: a record that cannot be written is only logged', async () => {
    const { posts, post } = channelPosts();
    const noTable = new StateStore(documentClient(dynamo.client), 'no-such-table');

    await expect(
      auditBucketRefusal(refusal, MAKER, { store: noTable, auditChannel: 'C0AUDIT001', post }),
    ).resolves.toBeUndefined();
    expect(posts).toEqual([]);
  });
});
