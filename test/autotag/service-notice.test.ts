import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AutotagDeps } from '../../src/autotag/autotag-deps';
import type { CloudTrailEvent } from '../../src/autotag/cloudtrail-event';
import { postServiceNotice, type ServiceNoticeInput } from '../../src/autotag/service-notice';
import { taggedCallOf } from '../../src/autotag/tagged-call-table';
import { loadConfigFile } from '../../src/config/load-config';
import type { SlackSink } from '../../src/slack/api/slack-sink';
import { readHomeItems } from '../../src/store/home-items';
import type { StateStore } from '../../src/store/state-store';
import { AUTOTAG_CONFIG } from '../support/ec2-fake';
import { useLocalStateStore } from '../support/local-state-store';

const event = JSON.parse(
  readFileSync(resolve('test/fixtures/autotag/services/rds-create-db-instance.json'), 'utf8'),
) as CloudTrailEvent;
const row = taggedCallOf('rds.amazonaws.com', 'CreateDBInstance');

describe('the notice of a non-EC2 resource', () => {
  let store: StateStore;
  useLocalStateStore('aws-chatops-service-notice', (local) => {
    store = local;
  });

  it('is posted again when Slack failed the first time, and once only after it succeeded', async () => {
    if (!row) throw new Error('CreateDBInstance is not in the table');
    let fail = true;
    const posts: string[] = [];
    const sink = {
      post: async (channel: string) => {
        if (fail) throw new Error('slack is down');
        posts.push(channel);
        return { channel, ts: '1.1' };
      },
      findUserByEmail: async () => undefined,
    } as unknown as SlackSink;
    const deps = {
      config: loadConfigFile(AUTOTAG_CONFIG),
      store,
      sink: async () => sink,
      accounts: { nameOf: async () => 'prod' },
    } as unknown as AutotagDeps;
    const input: ServiceNoticeInput = {
      event,
      row,
      creator: {
        kind: 'IAMUser',
        label: 'dave',
        person: 'dave',
        arn: 'arn:aws:iam::222222222222:user/dave',
        service: false,
      },
      arns: ['arn:aws:rds:us-east-1:222222222222:db:orders-db'],
      owner: 'dave',
      access: { accountId: '222222222222', region: 'us-east-1' },
      problems: [],
    };

    await expect(postServiceNotice(input, deps)).rejects.toThrow('slack is down');
    fail = false;
    const retried = await postServiceNotice(input, deps);
    const again = await postServiceNotice(input, deps);

    expect([retried, again]).toEqual(['posted', 'already-posted']);
    expect(posts).toHaveLength(1);
    const launches = (await readHomeItems(store)).items.filter((item) => item.kind === 'launch');
    expect(launches).toEqual([
      expect.objectContaining({
        account: { id: '222222222222', name: 'prod' },
        fields: expect.objectContaining({ launcher: 'dave', resources: 'orders-db', actions: false }),
      }),
    ]);
  });
});
