import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { BotHarness } from '../support/bot-harness';
import { s3Error } from '../support/s3-error';

const MAKER = 'U0MAKER01';
const STRANGER = 'U0STRANGE';
const s3 = mockClient(S3Client);

describe('/aws-bucket through the real handlers', () => {
  const bot = new BotHarness();
  beforeAll(async () => {
    await bot.start();
    // Group members are cached per container, so the directory is in place before the first lookup.
    bot.slack.answers.set('usergroups.users.list', (body) => ({
      ok: true,
      users: body.usergroup === 'S0CLOUD01' ? ['U0GROUPED'] : [],
    }));
  });
  afterAll(() => bot.stop());
  beforeEach(() => s3.reset());

  async function run(text: string, userId: string, responseId: string) {
    const ack = await bot.command('/aws-bucket', text, { userId, responseId });
    await bot.lambda.settled();
    const answer = bot.slack.calls.find((call) => call.path.endsWith(`/${responseId}`));
    return { ack: ack.json(), answer: answer?.body };
  }

  it('refuses create to someone outside the allow-list: no job, no S3 call, audited and posted', async () => {
    const before = bot.lambda.invocations.length;

    const { ack } = await run('create stg-new-data', STRANGER, 'create-stranger');

    expect(String(ack.text)).toMatch(/not on the allow-list for \/aws-bucket create/);
    expect(bot.lambda.invocations.length).toBe(before);
    expect(s3.calls()).toHaveLength(0);
    const audit = await bot.store.listAudit('bucket.create');
    expect(audit[0]).toMatchObject({ actor: STRANGER, result: 'refused' });
    const posted = await bot.slack.waitFor('chat.postMessage', 5000, (c) =>
      String(c.body.text).includes(STRANGER),
    );
    expect(posted.body.channel).toBe('C0AUDIT001');
  });

  it('answers a refusal in time when Slack rate-limits the audit channel post (the record is still written)', async () => {
    bot.slack.throttle = (call) =>
      call.method === 'chat.postMessage' && call.body.channel === 'C0AUDIT001' ? 30 : undefined;
    try {
      const { ack } = await run('create stg-slow-audit', STRANGER, 'create-throttled');

      expect(String(ack.text)).toMatch(/not on the allow-list/);
      const audit = await bot.store.listAudit('bucket.create');
      expect(audit[0]).toMatchObject({ actor: STRANGER, target: expect.stringContaining('stg-slow-audit') });
    } finally {
      bot.slack.throttle = undefined;
    }
  });

  it.each([
    ['Bad_Name', /lowercase/],
    ['192.168.1.1', /IP address/],
    ['xn--stg', /prefix S3 reserves/],
    ['stg-x-s3alias', /suffix S3 reserves/],
    ['ab', /3 to 63 characters/],
  ])('answers create %s with the broken rule and starts no job', async (name, rule) => {
    const before = bot.lambda.invocations.length;

    const { ack } = await run(`create ${name}`, MAKER, `bad-${name}`);

    expect(ack.response_type).toBe('ephemeral');
    expect(String(ack.text)).toMatch(rule);
    expect(bot.lambda.invocations.length).toBe(before);
    expect(checkSlackLimits(ack)).toEqual([]);
  });

  it('refuses a name outside the account patterns before any AWS call', async () => {
    const { ack } = await run('create prod-data', MAKER, 'pattern');

    expect(String(ack.text)).toMatch(/only changes buckets named stg-\*/);
    expect(s3.calls()).toHaveLength(0);
  });

  it('creates a free name in the asked region: private, encrypted, tagged with the Slack user, audited', async () => {
    s3.on(HeadBucketCommand).rejectsOnce(s3Error('NotFound', 404)).resolves({});

    const { ack, answer } = await run('create stg-new-data eu-west-1', MAKER, 'create-ok');

    expect(String(ack.text)).toMatch(/creating stg-new-data/);
    expect(String(answer?.text)).toMatch(
      /Created bucket stg-new-data in staging \(333333333333\), eu-west-1/,
    );
    expect(s3.commandCalls(CreateBucketCommand)[0]?.args[0].input.CreateBucketConfiguration).toEqual({
      LocationConstraint: 'eu-west-1',
    });
    expect(s3.commandCalls(PutBucketTaggingCommand)[0]?.args[0].input.Tagging?.TagSet).toContainEqual({
      Key: 'requested-by-slack-user',
      Value: MAKER,
    });
    expect((await bot.store.listAudit('bucket.create'))[0]).toMatchObject({ actor: MAKER, result: 'ok' });
    expect(checkSlackLimits(answer)).toEqual([]);
  });

  it.each([
    ['403', s3Error('Forbidden', 403), /taken by another AWS account/],
    ['200', undefined, /already exists and belongs to staging/],
  ])('tells the person what HeadBucket %s means and creates nothing', async (status, error, message) => {
    if (error) s3.on(HeadBucketCommand).rejects(error);
    else s3.on(HeadBucketCommand).resolves({ BucketRegion: 'us-east-1' });

    const { answer } = await run('create stg-held', MAKER, `held-${status}`);

    expect(String(answer?.text)).toMatch(message);
    expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(0);
  });

  it('converts a CSV with quoted multi-line fields and writes application/json', async () => {
    const csv = 'id,note\n1,"line one\nline two, with comma"\n2,"say ""hi"""\n';
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    s3.on(HeadObjectCommand).resolves({ ContentLength: csv.length, ETag: '"e1"' });
    s3.on(GetObjectCommand).resolves({ Body: Readable.from([Buffer.from(csv)]) as never });

    const { answer } = await run('convert stg-data in/notes.csv', MAKER, 'convert-ok');

    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.Key).toBe('in/notes.json');
    expect(put?.ContentType).toBe('application/json; charset=utf-8');
    expect(put?.IfNoneMatch).toBe('*');
    expect(JSON.parse(String(put?.Body))).toEqual([
      { id: '1', note: 'line one\nline two, with comma' },
      { id: '2', note: 'say "hi"' },
    ]);
    expect(String(answer?.text)).toMatch(/2 rows/);
  });

  it('refuses to convert an object over the configured size without reading it', async () => {
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    s3.on(HeadObjectCommand).resolves({ ContentLength: 5 * 1024 * 1024 });

    const { answer } = await run('convert stg-data big.csv', MAKER, 'convert-big');

    expect(String(answer?.text)).toMatch(/big\.csv" is 5\.0 MB; the bot converts CSV files up to 1\.0 MB/);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect((await bot.store.listAudit('bucket.convert'))[0]).toMatchObject({ result: 'failed' });
  });

  it('lists buckets for anyone (read-only subcommands are open)', async () => {
    s3.on(ListBucketsCommand).resolves({
      Buckets: [{ Name: 'stg-a', BucketRegion: 'eu-west-1' }, { Name: 'stg-b' }],
    });

    const { answer } = await run('ls stg-', STRANGER, 'ls-open');

    expect(String(answer?.text)).toMatch(/2 buckets in staging/);
    expect(s3.commandCalls(ListBucketsCommand)[0]?.args[0].input.Prefix).toBe('stg-');
    expect(checkSlackLimits(answer)).toEqual([]);
  });

  it('has the worker refuse a job whose account name is not the one configured for its id', async () => {
    const { handler } = await import('../../handlers/slack-worker');
    const job = {
      kind: 'bucket.create',
      id: 'worker-forged',
      reply: { responseUrl: bot.slack.responseUrl('worker-forged'), userId: MAKER, channelId: 'C0LOCAL01' },
      account: { id: '999999999999', name: 'staging' },
      bucket: 'stg-forged',
    };

    await handler(job);

    expect(s3.calls()).toHaveLength(0);
    const answer = await bot.slack.waitFor('response_url', 5000, (c) => c.path.endsWith('/worker-forged'));
    expect(String(answer.body.text)).toMatch(/no entry for that account/);
    expect((await bot.store.listAudit('bucket.create'))[0]).toMatchObject({
      actor: MAKER,
      result: 'refused',
    });
  });

  it('lets a member of an allowed user group create (usergroups.users.list)', async () => {
    s3.on(HeadBucketCommand).rejectsOnce(s3Error('NotFound', 404)).resolves({});

    const { answer } = await run('create stg-by-group', 'U0GROUPED', 'group-ok');

    expect(String(answer?.text)).toMatch(/Created bucket stg-by-group/);
  });
});
