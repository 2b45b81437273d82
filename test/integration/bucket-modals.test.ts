import {
  GetBucketPolicyCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { BotHarness } from '../support/bot-harness';
import { FORM, interactionBody } from '../support/interaction';
import { s3Error } from '../support/s3-error';

const MAKER = 'U0MAKER01';
const STRANGER = 'U0STRANGE';
const s3 = mockClient(S3Client);

describe('modal flows of /aws-bucket through the real handlers', () => {
  const bot = new BotHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());
  beforeEach(() => {
    s3.reset();
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    s3.on(GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
  });

  /** The modal the bot opened for `triggerId` (views.open on the Slack stand-in). */
  async function openedView(triggerId: string): Promise<Record<string, unknown>> {
    const call = await bot.slack.waitFor('views.open', 5000, (c) => c.body.trigger_id === triggerId);
    return call.body.view as Record<string, unknown>;
  }

  const submit = (
    view: Record<string, unknown>,
    userId: string,
    viewId: string,
    values: Record<string, unknown> = {},
  ) => bot.submitView(view, userId, viewId, values);

  describe('website', () => {
    it('opens a confirmation that says plainly what becomes public, and changes nothing yet', async () => {
      const ack = await bot.command('/aws-bucket', 'website stg-site', { userId: MAKER, triggerId: 'web-1' });
      await bot.lambda.settled();

      expect(ack.status).toBe(200);
      const view = await openedView('web-1');
      const text = JSON.stringify(view.blocks);
      expect(text).toMatch(/readable by anyone on the internet/);
      expect(text).toMatch(/for `stg-site` only/);
      expect(text).toMatch(/s3:GetObject/);
      expect(checkSlackLimits(view, 'modal')).toEqual([]);
      expect(s3.calls()).toHaveLength(0);
    });

    it('makes the bucket a website only after the confirmation: website, public access for it alone, read policy', async () => {
      await bot.command('/aws-bucket', 'website stg-site', {
        userId: MAKER,
        triggerId: 'web-2',
        responseId: 'web-2',
      });
      const view = await openedView('web-2');

      const ack = await submit(view, MAKER, 'V0WEB0002');
      await bot.lambda.settled();

      expect(ack.status).toBe(200);
      expect(
        s3.commandCalls(PutBucketWebsiteCommand)[0]?.args[0].input.WebsiteConfiguration?.IndexDocument,
      ).toEqual({
        Suffix: 'index.html',
      });
      const blockConfig = s3.commandCalls(PutPublicAccessBlockCommand)[0]?.args[0].input;
      expect(blockConfig?.Bucket).toBe('stg-site');
      expect(blockConfig?.PublicAccessBlockConfiguration).toMatchObject({
        BlockPublicPolicy: false,
        BlockPublicAcls: true,
      });
      const policy = JSON.parse(String(s3.commandCalls(PutBucketPolicyCommand)[0]?.args[0].input.Policy));
      expect(policy.Statement).toEqual([
        expect.objectContaining({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::stg-site/*' }),
      ]);
      const answer = await bot.slack.waitFor(
        'response_url',
        5000,
        (c) => c.path.endsWith('/web-2') && c.body.replace_original === true,
      );
      expect(String(answer.body.text)).toMatch(/s3-website-eu-west-1\.amazonaws\.com/);
      expect((await bot.store.listAudit('bucket.website'))[0]).toMatchObject({ actor: MAKER, result: 'ok' });
    });

    it('runs the job once when Slack retries the submission', async () => {
      await bot.command('/aws-bucket', 'website stg-once', {
        userId: MAKER,
        triggerId: 'web-3',
        responseId: 'web-3',
      });
      const view = await openedView('web-3');

      await submit(view, MAKER, 'V0WEB0003');
      await submit(view, MAKER, 'V0WEB0003');
      await bot.lambda.settled();

      expect(s3.commandCalls(PutBucketWebsiteCommand)).toHaveLength(1);
      const working = bot.slack
        .callsOf('response_url')
        .filter((c) => c.path.endsWith('/web-3') && /Turning/.test(String(c.body.text)));
      expect(working).toHaveLength(1);
    });

    it('makes nothing public when someone else presses the button', async () => {
      await bot.command('/aws-bucket', 'website stg-site', { userId: MAKER, triggerId: 'web-4' });
      const view = await openedView('web-4');

      const ack = await submit(view, STRANGER, 'V0WEB0004');
      await bot.lambda.settled();

      expect(ack.json()).toMatchObject({ response_action: 'update' });
      expect(s3.calls()).toHaveLength(0);
      expect((await bot.store.listAudit('bucket.website'))[0]).toMatchObject({
        actor: STRANGER,
        result: 'refused',
      });
    });

    /** What a forger posts: metadata in the shape the modal once carried, naming another bucket and account. */
    const FORGED_WEBSITE = JSON.stringify({
      bucket: 'stg-site',
      account: { id: '333333333333', name: 'staging' },
      indexDocument: 'index.html',
      errorDocument: 'error.html',
      reply: {
        responseUrl: 'https://hooks.slack.com/commands/T0/1/x',
        userId: MAKER,
        channelId: 'C0LOCAL01',
      },
    });

    it.each([
      ['metadata the bot never stored', () => FORGED_WEBSITE],
      [
        'an edited reference',
        (real: string) => real.replace(/[0-9a-f](?=[^0-9a-f]*$)/, (c) => (c === '0' ? '1' : '0')),
      ],
      ['extra fields next to the reference', (real: string) => real.replace('}', ',"bucket":"stg-other"}')],
    ])('refuses a confirmation with %s and makes nothing public', async (_label, forge) => {
      await bot.command('/aws-bucket', 'website stg-site', {
        userId: MAKER,
        triggerId: `web-forged-${_label}`,
      });
      const view = await openedView(`web-forged-${_label}`);
      const forged = { ...view, private_metadata: forge(String(view.private_metadata)) };

      const ack = await submit(forged, MAKER, 'V0WEB0007');
      await bot.lambda.settled();

      expect(JSON.stringify(ack.json())).toMatch(/out of date or was not opened by the bot/);
      expect(s3.calls()).toHaveLength(0);
    });

    it('opens no confirmation for someone outside the allow-list', async () => {
      const ack = await bot.command('/aws-bucket', 'website stg-site', {
        userId: STRANGER,
        triggerId: 'web-5',
      });

      expect(String(ack.json().text)).toMatch(/not on the allow-list/);
      expect(bot.slack.callsOf('views.open').filter((c) => c.body.trigger_id === 'web-5')).toHaveLength(0);
    });

    it('puts Block Public Access back and says why when the account forbids public policies', async () => {
      s3.on(PutBucketPolicyCommand).rejects(s3Error('AccessDenied', 403));
      await bot.command('/aws-bucket', 'website stg-site', {
        userId: MAKER,
        triggerId: 'web-6',
        responseId: 'web-6',
      });
      const view = await openedView('web-6');

      await submit(view, MAKER, 'V0WEB0006');
      await bot.lambda.settled();

      const restored =
        s3.commandCalls(PutPublicAccessBlockCommand)[1]?.args[0].input.PublicAccessBlockConfiguration;
      expect(restored).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: true });
      const answer = await bot.slack.waitFor(
        'response_url',
        5000,
        (c) => c.path.endsWith('/web-6') && c.body.replace_original === true,
      );
      expect(String(answer.body.text)).toMatch(/blocks public bucket policies/);
    });
  });

  describe('upload from a Slack message', () => {
    function shortcut(userId: string, triggerId: string, files: unknown[]) {
      return bot.post(
        interactionBody({
          type: 'message_action',
          callback_id: 'bucket_upload',
          trigger_id: triggerId,
          response_url: bot.slack.responseUrl(triggerId),
          team: { id: 'T0LOCAL01', domain: 'local' },
          channel: { id: 'C0LOCAL01', name: 'ops' },
          user: { id: userId, name: 'someone' },
          message: { type: 'message', ts: '1700000000.000100', text: 'here', files },
          message_ts: '1700000000.000100',
          action_ts: '1700000001.000000',
          token: 'deprecated',
        }),
        FORM,
      );
    }

    it('downloads the chosen file with the bot token and puts it in the chosen bucket', async () => {
      const bytes = Buffer.from('id,name\n1,Ada\n');
      bot.slack.downloads.set('F0FILE001/report.csv', bytes);
      bot.slack.answers.set('files.info', () => ({
        ok: true,
        file: {
          id: 'F0FILE001',
          name: 'report.csv',
          size: bytes.length,
          mimetype: 'text/csv',
          url_private_download: bot.slack.fileUrl('F0FILE001/report.csv'),
        },
      }));
      await shortcut(MAKER, 'up-1', [{ id: 'F0FILE001', name: 'report.csv', mode: 'hosted' }]);
      const view = await openedView('up-1');
      expect(checkSlackLimits(view, 'modal')).toEqual([]);

      const ack = await submit(view, MAKER, 'V0UP00001', {
        upload_file: { file: { type: 'static_select', selected_option: { value: 'F0FILE001' } } },
        upload_account: { account: { type: 'static_select', selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { type: 'plain_text_input', value: 'stg-inbox' } },
        upload_prefix: { prefix: { type: 'plain_text_input', value: 'reports/2024' } },
      });
      await bot.lambda.settled();

      expect(ack.status).toBe(200);
      const download = await bot.slack.waitFor('file_download');
      expect(download.headers.authorization).toBe('Bearer xoxb-test');
      const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
      expect(put).toMatchObject({
        Bucket: 'stg-inbox',
        Key: 'reports/2024/report.csv',
        ContentType: 'text/csv',
        IfNoneMatch: '*',
      });
      expect(Buffer.from(put?.Body as Uint8Array).equals(bytes)).toBe(true);
      expect((await bot.store.listAudit('bucket.upload'))[0]).toMatchObject({ actor: MAKER, result: 'ok' });
    });

    it('never downloads a file that was not on the message, whatever the submitted metadata says', async () => {
      await shortcut(MAKER, 'up-forged', [{ id: 'F0FILE0F1', name: 'public.txt' }]);
      const view = await openedView('up-forged');
      const forgedMetadata = JSON.stringify({
        reply: { responseUrl: bot.slack.responseUrl('up-forged'), userId: MAKER, channelId: 'C0LOCAL01' },
        files: [{ id: 'F0SECRET1', name: 'secret.txt' }],
      });
      const before = { jobs: bot.lambda.invocations.length, info: bot.slack.callsOf('files.info').length };

      const ack = await submit({ ...view, private_metadata: forgedMetadata }, MAKER, 'V0UPFORGED', {
        upload_file: { file: { selected_option: { value: 'F0SECRET1' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'stg-inbox' } },
        upload_prefix: { prefix: { value: null } },
      });
      await bot.lambda.settled();

      expect(JSON.stringify(ack.json())).toMatch(/out of date or was not opened by the bot/);
      expect(bot.lambda.invocations.length).toBe(before.jobs);
      expect(bot.slack.callsOf('files.info').length).toBe(before.info);
      expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    });

    it('opens the upload modal for a message with 20 files with long names, and uploads the one picked', async () => {
      const files = Array.from({ length: 20 }, (_, i) => ({
        id: `F0LONG${String(i).padStart(3, '0')}`,
        name: `${String(i).padStart(2, '0')}-${'quarterly-report-'.repeat(14)}.csv`,
        mode: 'hosted',
      }));
      const picked = files[19] ?? files[0];
      bot.slack.downloads.set('F0LONG019/f', Buffer.from('x'));
      bot.slack.answers.set('files.info', () => ({
        ok: true,
        file: {
          id: picked?.id,
          name: picked?.name,
          size: 1,
          url_private_download: bot.slack.fileUrl('F0LONG019/f'),
        },
      }));

      await shortcut(MAKER, 'up-20', files);
      const view = await openedView('up-20');
      expect(String(view.private_metadata).length).toBeLessThanOrEqual(3000);
      expect(checkSlackLimits(view, 'modal')).toEqual([]);

      await submit(view, MAKER, 'V0UP00020', {
        upload_file: { file: { selected_option: { value: picked?.id } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'stg-inbox' } },
        upload_prefix: { prefix: { value: null } },
      });
      await bot.lambda.settled();

      expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Key).toBe(picked?.name);
      bot.slack.answers.delete('files.info');
    });

    it('tells the person to invite the bot when Slack will not show it the file', async () => {
      bot.slack.answers.set('files.info', () => ({ ok: false, error: 'file_not_found' }));
      await shortcut(MAKER, 'up-7', [{ id: 'F0FILE007', name: 'a.txt' }]);
      const view = await openedView('up-7');

      await submit(view, MAKER, 'V0UP00007', {
        upload_file: { file: { selected_option: { value: 'F0FILE007' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'stg-inbox' } },
        upload_prefix: { prefix: { value: null } },
      });
      await bot.lambda.settled();

      const answer = await bot.slack.waitFor(
        'response_url',
        5000,
        (c) => c.path.endsWith('/up-7') && c.body.replace_original === true,
      );
      expect(String(answer.body.text)).toMatch(/invite the bot to the channel/);
      expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
      expect((await bot.store.listAudit('bucket.upload'))[0]).toMatchObject({ result: 'failed' });
      bot.slack.answers.delete('files.info');
    });

    it('shows field errors for a bad bucket name and starts nothing', async () => {
      await shortcut(MAKER, 'up-2', [{ id: 'F0FILE002', name: 'a.txt' }]);
      const view = await openedView('up-2');
      const before = bot.lambda.invocations.length;

      const ack = await submit(view, MAKER, 'V0UP00002', {
        upload_file: { file: { selected_option: { value: 'F0FILE002' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'Not_A_Bucket' } },
        upload_prefix: { prefix: { value: null } },
      });

      expect(ack.json()).toMatchObject({
        response_action: 'errors',
        errors: { upload_bucket: expect.stringMatching(/lowercase/) },
      });
      expect(bot.lambda.invocations.length).toBe(before);
    });

    it.each([
      ['a file named ../../x', '../../x', null, 'upload_file'],
      ['a folder with a .. segment', 'a.txt', 'reports/../../etc', 'upload_prefix'],
    ])('refuses %s next to the field and starts nothing', async (_label, name, prefix, block) => {
      await shortcut(MAKER, `up-dots-${block}`, [{ id: 'F0FILE0D1', name }]);
      const view = await openedView(`up-dots-${block}`);
      const before = bot.lambda.invocations.length;

      const ack = await submit(view, MAKER, `V0UPDOT${block.length}`, {
        upload_file: { file: { selected_option: { value: 'F0FILE0D1' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'stg-inbox' } },
        upload_prefix: { prefix: { value: prefix } },
      });
      await bot.lambda.settled();

      expect(ack.json()).toMatchObject({
        response_action: 'errors',
        errors: { [block]: expect.stringMatching(/"\.\." segment/) },
      });
      expect(bot.lambda.invocations.length).toBe(before);
      expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    });

    it('refuses, audits and starts nothing when someone other than the shortcut user submits', async () => {
      await shortcut(MAKER, 'up-5', [{ id: 'F0FILE005', name: 'a.txt' }]);
      const view = await openedView('up-5');
      const before = bot.lambda.invocations.length;

      const ack = await submit(view, 'U0ADMIN001', 'V0UP00005', {
        upload_file: { file: { selected_option: { value: 'F0FILE005' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'stg-inbox' } },
        upload_prefix: { prefix: { value: null } },
      });

      expect(JSON.stringify(ack.json())).toMatch(/Only the person who used the shortcut/);
      expect(bot.lambda.invocations.length).toBe(before);
      const audit = await bot.store.listAudit('bucket.upload');
      expect(audit.find((a) => a.actor === 'U0ADMIN001')).toMatchObject({ result: 'refused' });
    });

    it('audits a bucket outside the account name patterns as refused and starts nothing', async () => {
      await shortcut(MAKER, 'up-6', [{ id: 'F0FILE006', name: 'a.txt' }]);
      const view = await openedView('up-6');
      const before = bot.lambda.invocations.length;

      const ack = await submit(view, MAKER, 'V0UP00006', {
        upload_file: { file: { selected_option: { value: 'F0FILE006' } } },
        upload_account: { account: { selected_option: { value: '333333333333' } } },
        upload_bucket: { bucket: { value: 'prod-secrets' } },
        upload_prefix: { prefix: { value: null } },
      });

      expect(ack.json()).toMatchObject({
        response_action: 'errors',
        errors: { upload_bucket: expect.stringMatching(/stg-\*/) },
      });
      expect(bot.lambda.invocations.length).toBe(before);
      const audit = await bot.store.listAudit('bucket.upload');
      expect(audit.find((a) => String(a.target).startsWith('s3://prod-secrets'))).toMatchObject({
        actor: MAKER,
        result: 'refused',
      });
    });

    it('tells someone outside the allow-list, opens nothing', async () => {
      await shortcut(STRANGER, 'up-3', [{ id: 'F0FILE003', name: 'a.txt' }]);

      const told = await bot.slack.waitFor('response_url', 5000, (c) => c.path.endsWith('/up-3'));
      expect(String(told.body.text)).toMatch(/not on the allow-list/);
      expect(bot.slack.callsOf('views.open').filter((c) => c.body.trigger_id === 'up-3')).toHaveLength(0);
    });

    it('says so when the message has no file', async () => {
      await shortcut(MAKER, 'up-4', []);

      const told = await bot.slack.waitFor('response_url', 5000, (c) => c.path.endsWith('/up-4'));
      expect(String(told.body.text)).toMatch(/no file/);
    });
  });
});
