import { type CloudFormationClient, DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import { DescribeRecordCommand, type ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { readHomeItems } from '../../src/store/home-items';
import { catalogFixture, catalogFixtureWith, ROLLBACK_TOKEN } from '../support/catalog-fixtures';
import { CatalogHarness } from '../support/catalog-harness';

/** Text of every block of a posted message, for assertions on what a reader sees. */
function shown(post: Record<string, unknown>): string {
  return JSON.stringify(post.blocks);
}

/** A fixture with every `[from, to]` replaced in its text (stack ids, tokens, times, ids). */
function fixtureWith(name: string, ...replacements: [string, string][]): unknown {
  let text = JSON.stringify(catalogFixture(name));
  for (const [from, to] of replacements) text = text.replaceAll(from, to);
  return JSON.parse(text);
}

/** The rollback of another stack, without a client request token, as SNS and as EventBridge deliver it. */
const OTHER_STACK: [string, string] = [
  '4b1c5e70-1f0a-11ef-9a1b-0a3c4d5e6f70',
  '0d9e8f70-2a0b-11ef-8c1d-0b4c5d6e7f80',
];
const snsWithoutToken = (...more: [string, string][]) =>
  fixtureWith(
    'sns-stack-rollback-complete',
    OTHER_STACK,
    [`ClientRequestToken='${ROLLBACK_TOKEN}'`, "ClientRequestToken='null'"],
    ...more,
  );
const eventBridgeWithoutToken = (...more: [string, string][]) =>
  fixtureWith(
    'eventbridge-stack-rollback-complete',
    OTHER_STACK,
    [`"client-request-token":"${ROLLBACK_TOKEN}"`, '"client-request-token":""'],
    ...more,
  );

/** Powertools writes one JSON line per log record to stdout. */
function captureLogs(): { records: () => Record<string, unknown>[]; stop: () => void } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return {
    records: () =>
      lines
        .flatMap((line) => line.split('\n'))
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => spy.mockRestore(),
  };
}

function rollbackWithToken(token: string): unknown {
  return catalogFixtureWith('sns-stack-rollback-complete', ROLLBACK_TOKEN, token);
}

describe('catalog-event handler: Service Catalog failures to Slack', () => {
  const harness = new CatalogHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(async () => {
    await harness.reload();
    harness.slack.calls.length = 0;
    harness.slack.answers.clear();
    harness.sts.assumed.length = 0;
    harness.sts.deniedRoles.clear();
    harness.answerFromFixtures();
  });

  it('alerts a stack-level ROLLBACK_COMPLETE with product, version and root cause read in the member account', async () => {
    await harness.handler(catalogFixture('sns-stack-rollback-complete'));

    const [post, ...more] = harness.posts();
    expect(more).toEqual([]);
    expect(post?.channel).toBe('C0PAYMENTS');
    const blocks = shown(post ?? {});
    expect(blocks).toContain('Encrypted S3 bucket v2.3.0');
    expect(blocks).toContain('payments-artifacts-bucket');
    expect(blocks).toContain('pp-7fzq2lmd4xk3e');
    expect(blocks).toContain('prod-payments (222222222222)');
    expect(blocks).toContain('`Bucket` (AWS::S3::Bucket)');
    expect(blocks).toContain("Bucket 'payments-artifacts' already exists");
    expect(blocks).toContain('jane.doe@example.com');
    expect(blocks).toContain('<!subteam^S0PAYTEAM1>');
    expect(blocks).toContain('#/stacks/events?stackId=arn%3Aaws%3Acloudformation%3Aeu-west-1%3A222222222222');
    expect(blocks).not.toContain('Could not read');
    expect(String(post?.text)).toContain('Service Catalog launch failed: payments-artifacts-bucket');
    expect(checkSlackLimits(post)).toEqual([]);
  });

  it('records the alerted failure for the Home tab, linked to its alert', async () => {
    await harness.handler(catalogFixture('sns-stack-rollback-complete'));

    const items = (await readHomeItems(harness.store)).items.filter((item) => item.kind === 'catalog');
    expect(items).toContainEqual(
      expect.objectContaining({
        account: { id: '222222222222', name: 'prod-payments' },
        fields: expect.objectContaining({
          status: 'ROLLBACK_COMPLETE',
          alert: { channelId: 'C0PAYMENTS', ts: expect.stringMatching(/^\d+\.\d+$/) },
        }),
      }),
    );
  });

  it('assumes AWSControlTowerExecution in the stack account and reads with those credentials in its region', async () => {
    await harness.handler(rollbackWithToken('token-right-account'));

    expect(harness.sts.assumed).toEqual(['arn:aws:iam::222222222222:role/AWSControlTowerExecution']);
    const calls = [...harness.serviceCatalog.calls(), ...harness.cloudFormation.calls()];
    expect(calls.length).toBeGreaterThanOrEqual(5);
    for (const call of calls) {
      const client = call.thisValue as ServiceCatalogClient | CloudFormationClient;
      expect((await client.config.credentials()).accessKeyId).toBe('ASIA222222222222');
      expect(await client.config.region()).toBe('eu-west-1');
    }
    expect(
      harness.cloudFormation.commandCalls(DescribeStackEventsCommand)[0]?.args[0].input.StackName,
    ).toMatch(/^arn:aws:cloudformation:eu-west-1:222222222222:stack\/SC-222222222222-pp-7fzq2lmd4xk3e\//);
  });

  it("reads a stack of the bot's own account with the function's own credentials (no role to assume there)", async () => {
    const ownAccount = { invokedFunctionArn: 'arn:aws:lambda:us-east-1:222222222222:function:catalogEvent' };

    await harness.handler(rollbackWithToken('token-own-account'), ownAccount);

    expect(harness.sts.assumed).toEqual([]);
    const client = harness.cloudFormation.calls()[0]?.thisValue as CloudFormationClient;
    expect((await client.config.credentials()).accessKeyId).toBe('AKIALOCAL');
    const blocks = shown(harness.posts()[0] ?? {});
    expect(blocks).toContain('Encrypted S3 bucket v2.3.0');
    expect(blocks).toContain('the bot');
    expect(blocks).not.toContain('Could not read');
  });

  it('uses the per-account catalog role override', async () => {
    await harness.handler(catalogFixture('sns-staging-stack-update-failed'));

    expect(harness.sts.assumed).toEqual(['arn:aws:iam::333333333333:role/staging-catalog-reader']);
    expect(harness.posts()[0]?.channel).toBe('C0CATALOG1');
  });

  it('alerts once however many copies arrive: SNS redeliveries, concurrent copies and the EventBridge copy', async () => {
    const event = rollbackWithToken('token-duplicates');
    const eventBridgeCopy = catalogFixtureWith(
      'eventbridge-stack-rollback-complete',
      ROLLBACK_TOKEN,
      'token-duplicates',
    );

    const concurrent = await Promise.allSettled([harness.handler(event), harness.handler(event)]);
    for (const result of concurrent.filter((r) => r.status === 'rejected')) {
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/being sent by another invocation/);
      await harness.handler(event); // Lambda's retry of the copy that found the alert in progress
    }
    await harness.handler(event);
    await harness.handler(eventBridgeCopy);

    expect(harness.posts()).toHaveLength(1);
  });

  it('alerts once when a failure without a client request token arrives through SNS and EventBridge', async () => {
    await harness.handler(snsWithoutToken());
    await harness.handler(eventBridgeWithoutToken());
    await harness.handler(snsWithoutToken());
    await Promise.allSettled([
      harness.handler(eventBridgeWithoutToken()),
      harness.handler(snsWithoutToken()),
    ]);

    expect(harness.posts()).toHaveLength(1);
  });

  it('alerts once when only one of the two copies carries the client request token', async () => {
    const otherStack: [string, string] = [OTHER_STACK[0], '7a6b5c40-3b1c-11ef-9d2e-0c5d6e7f8091'];
    await harness.handler(
      fixtureWith('eventbridge-stack-rollback-complete', otherStack, [ROLLBACK_TOKEN, 'token-one-copy']),
    );
    await harness.handler(
      fixtureWith('sns-stack-rollback-complete', otherStack, [
        `ClientRequestToken='${ROLLBACK_TOKEN}'`,
        "ClientRequestToken='null'",
      ]),
    );

    expect(harness.posts()).toHaveLength(1);
  });

  it('alerts again when a later operation of the same stack fails the same way without a token', async () => {
    const later: [string, string][] = [
      ['2024-06-03T10:05:40', '2024-06-03T14:41:07'],
      ['1c2d3e40-2199-11ef', '9f8e7d60-21c0-11ef'],
      ['6a7e8feb-b491-4cf7', '0b1c2d3e-4f50-4617'],
      ['d1f7c3a2-6e4b-5a8c', 'e2a8c4b3-7f5c-4b9d'],
    ];
    const thirdStack: [string, string] = [OTHER_STACK[1], '5c4d3e20-4c2d-11ef-8e3f-0d6e7f809102'];
    await harness.handler(snsWithoutToken(thirdStack));
    await harness.handler(eventBridgeWithoutToken(thirdStack));
    await harness.handler(snsWithoutToken(thirdStack, ...later));
    await harness.handler(eventBridgeWithoutToken(thirdStack, ...later));

    expect(harness.posts()).toHaveLength(2);
  });

  it('alerts again when the same stack fails the same way three minutes later without a token (a quick retry)', async () => {
    const stack: [string, string] = [OTHER_STACK[1], '8d7c6b50-6e4f-11ef-a051-0f8091a2b3c4'];
    const retry: [string, string][] = [
      ['2024-06-03T10:05:40', '2024-06-03T10:08:41'],
      ['1c2d3e40-2199-11ef', '2d3e4f50-2199-11ef'],
      ['6a7e8feb-b491-4cf7', '7b8f9a0c-c5a2-4d08'],
      ['d1f7c3a2-6e4b-5a8c', 'f3b9d5c4-8a6d-4cae'],
    ];
    await harness.handler(snsWithoutToken(stack));
    await harness.handler(eventBridgeWithoutToken(stack, ['10:05:40Z', '10:05:42Z']));
    await harness.handler(eventBridgeWithoutToken(stack, ...retry));
    await harness.handler(snsWithoutToken(stack, ...retry));

    expect(harness.posts()).toHaveLength(2);
  });

  it('reads values with stray spaces: a trailing space after ROLLBACK_COMPLETE still alerts', async () => {
    const spaced = fixtureWith(
      'sns-stack-rollback-complete',
      ['4b1c5e70-1f0a-11ef-9a1b-0a3c4d5e6f70', '6e5f4a30-5d3e-11ef-9f40-0e7f8091a2b3'],
      ["ResourceStatus='ROLLBACK_COMPLETE'", "ResourceStatus='ROLLBACK_COMPLETE '"],
      ["ResourceType='AWS::CloudFormation::Stack'", "ResourceType=' AWS::CloudFormation::Stack'"],
    );

    await harness.handler(spaced);

    expect(harness.posts()).toHaveLength(1);
  });

  it('logs every ignored delivery once at INFO with its id and the reason', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    await harness.reload();
    const logs = captureLogs();
    try {
      await harness.handler(catalogFixture('sns-stack-create-complete'));
      await harness.handler(catalogFixture('eventbridge-resource-create-failed'));
      await harness.handler({
        ...(catalogFixture('eventbridge-stack-rollback-complete') as object),
        'detail-type': 'CloudFormation Drift Detection Status Change',
      });
      await harness.handler(
        fixtureWith(
          'eventbridge-stack-rollback-complete',
          ['6a7e8feb-b491-4cf7-a9f1-bf3703467718', `id-${'i'.repeat(4000)}`],
          ['"status":"ROLLBACK_COMPLETE"', `"status":"${'S'.repeat(4000)}"`],
        ),
      );
    } finally {
      logs.stop();
      process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    }

    const ignored = logs.records().filter((record) => record.message === 'catalog delivery ignored');
    expect(ignored.map((record) => [record.level, record.eventId, record.reason])).toEqual([
      ['INFO', 'e2a8d4b3-7f5c-4b9d-8e1f-2a3b4c5d6e7f', 'not a failure status (CREATE_COMPLETE)'],
      ['INFO', expect.any(String), 'resource-level event'],
      ['INFO', '6a7e8feb-b491-4cf7-a9f1-bf3703467718', 'not a stack or resource status change'],
      ['INFO', `id-${'i'.repeat(253)}…`, expect.stringMatching(/^not a failure status \(S+…$/)],
    ]);
    for (const record of ignored) expect(JSON.stringify(record).length).toBeLessThan(2000);
    expect(harness.posts()).toEqual([]);
  });

  it('alerts once for a stack id and client request token longer than a DynamoDB key allows', async () => {
    const longName = `SC-222222222222-pp-${'z'.repeat(2100)}`;
    const event = fixtureWith(
      'sns-stack-rollback-complete',
      ['SC-222222222222-pp-7fzq2lmd4xk3e', longName],
      [ROLLBACK_TOKEN, `token-${'t'.repeat(3000)}`],
    );

    await harness.handler(event);
    await harness.handler(event);

    expect(harness.posts()).toHaveLength(1);
    expect(checkSlackLimits(harness.posts()[0])).toEqual([]);
  });

  it('keeps an event nested 5,000 levels deep with a 2,010-character id for replay instead of failing', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i += 1) deep = { a: deep };
    const id = `deep-${'d'.repeat(2005)}`;

    await expect(
      harness.handler({ id, source: 'aws.cloudformation', 'detail-type': 'x', detail: deep }),
    ).resolves.toBeUndefined();

    const kept = await harness.store.query<{ eventId: string }>('quarantine#catalogEvent');
    expect(kept.map((record) => record.data.eventId)).toContain(id);
  });

  it('ignores a resource-level CREATE_FAILED (reason with quotes, = and a newline) without calling AWS', async () => {
    await harness.handler(catalogFixture('sns-resource-create-failed-tricky-reason'));
    await harness.handler(catalogFixture('eventbridge-resource-create-failed'));

    expect(harness.posts()).toEqual([]);
    expect(harness.sts.assumed).toEqual([]);
    expect(harness.serviceCatalog.calls()).toEqual([]);
  });

  it('does not alert the nested stack of a provisioned product: the product stack alert already shows its cause', async () => {
    const nested = 'SC-222222222222-pp-7fzq2lmd4xk3e-Network-1QX2ZJ3K4L5M6';
    const pp = 'SC-222222222222-pp-7fzq2lmd4xk3e';

    await harness.handler(catalogFixtureWith('sns-stack-rollback-complete', pp, nested));
    await harness.handler(catalogFixtureWith('eventbridge-stack-rollback-complete', pp, nested));

    expect(harness.posts()).toEqual([]);
    expect(harness.sts.assumed).toEqual([]);
  });

  it('ignores CREATE_COMPLETE quietly', async () => {
    await harness.handler(catalogFixture('sns-stack-create-complete'));

    expect(harness.posts()).toEqual([]);
    expect(harness.sts.assumed).toEqual([]);
  });

  it('alerts a non-catalog stack failure with the stack cause and a line saying why there are no product details', async () => {
    await harness.handler(catalogFixture('sns-non-catalog-stack-update-rollback-failed'));

    const [post] = harness.posts();
    expect(harness.serviceCatalog.calls()).toEqual([]);
    expect(shown(post ?? {})).toContain(
      'Could not read Service Catalog details: stack network-baseline is not named',
    );
    expect(post?.channel).toBe('C0PAYMENTS');
    expect(checkSlackLimits(post)).toEqual([]);
  });

  it('keeps garbage for replay instead of throwing, and alerts nothing', async () => {
    const garbage = catalogFixture('sns-garbage');

    await expect(harness.handler(garbage)).resolves.toBeUndefined();
    await expect(harness.handler({ hello: 'world' })).resolves.toBeUndefined();

    const kept = await harness.store.query<{ eventId: string; problems: string[] }>(
      'quarantine#catalogEvent',
    );
    expect(kept.map((record) => record.data.eventId)).toContain('b5d1a7e6-ac8f-4ec0-9142-5d6e7f8091a2');
    expect(harness.posts()).toEqual([]);
  });

  it('still alerts when AssumeRole is denied, saying which role could not be assumed and why', async () => {
    harness.sts.deniedRoles.add('arn:aws:iam::222222222222:role/AWSControlTowerExecution');

    await harness.handler(rollbackWithToken('token-denied'));

    const [post] = harness.posts();
    const blocks = shown(post ?? {});
    expect(blocks).toContain('Could not read anything from account 222222222222');
    expect(blocks).toContain('AccessDenied');
    expect(blocks).toContain('AWSControlTowerExecution');
    expect(blocks).toContain('pp-7fzq2lmd4xk3e');
    expect(harness.serviceCatalog.calls()).toEqual([]);
    expect(checkSlackLimits(post)).toEqual([]);
  });

  it('degrades, not drops, when single reads fail: a denied DescribeRecord and throttled stack events', async () => {
    harness.serviceCatalog.on(DescribeRecordCommand).rejects(
      Object.assign(new Error('not authorized to perform servicecatalog:DescribeRecord'), {
        name: 'AccessDeniedException',
      }),
    );
    harness.cloudFormation
      .on(DescribeStackEventsCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { attempts: 4 } }));

    await harness.handler(rollbackWithToken('token-partial'));

    const blocks = shown(harness.posts()[0] ?? {});
    expect(blocks).toContain('Encrypted S3 bucket v2.3.0');
    expect(blocks).toContain('Could not read provisioning record: AccessDeniedException');
    expect(blocks).toContain(
      'Could not read root cause (stack events): Throttling: Rate exceeded (after 4 attempts)',
    );
  });

  it('lets a Slack failure throw for a retry, and the retry alerts exactly once', async () => {
    harness.slack.answers.set('chat.postMessage', () => ({ ok: false, error: 'fatal_error' }));
    const event = rollbackWithToken('token-slack-down');

    await expect(harness.handler(event)).rejects.toThrow(/fatal_error/);
    harness.slack.answers.clear();
    await harness.handler(event);
    await harness.handler(event);

    expect(
      harness.posts().filter((post) => post.channel === 'C0PAYMENTS' && !('error' in post)),
    ).toHaveLength(2);
    expect(harness.slack.callsOf('chat.postMessage')).toHaveLength(2); // the failed try, then the one alert
  });
});
