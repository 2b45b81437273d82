import { describe, expect, it, vi } from 'vitest';
import { UPLOAD_SUBMIT_CALLBACK } from '../../blocks/bucket-upload-modal';
import { AccountDirectory } from '../../src/aws/account-directory';
import { type MessageFile, planUploadShortcut } from '../../src/buckets/plan-upload-shortcut';
import { BOT_CONFIG } from '../support/listener-fakes';

const MAKER = 'U0MAKER01'; // buckets.allow.upload
const STRANGER = 'U0STRANGE1';
const reply = (userId: string) => ({
  responseUrl: 'https://hooks.slack.com/app/T0LOCAL01/1/upload',
  userId,
  channelId: 'C0LOCAL01',
  teamId: 'T0LOCAL01',
});
const deps = () => ({
  config: BOT_CONFIG,
  accounts: new AccountDirectory(BOT_CONFIG),
  groupMembers: vi.fn(async () => [] as string[]),
});
const plan = (userId: string, files: MessageFile[], userName: string | undefined = 'maker') =>
  planUploadShortcut({ reply: reply(userId), userName, files }, deps());

describe('planUploadShortcut', () => {
  it("offers the message's uploadable files in the modal, with the default account chosen", async () => {
    const result = await plan(MAKER, [
      { id: 'F0CSV00001', name: 'data.csv', mode: 'hosted' },
      { id: 'F0GONE0001', name: 'deleted.csv', mode: 'tombstone' },
      { id: 'F0LINK0001', name: 'drive.csv', mode: 'external' },
      { name: 'no-id.csv' },
      { id: 'F0TITLE001', title: 'Only a title' },
    ]);

    expect(result.type).toBe('open');
    if (result.type !== 'open') return;
    expect(result.metadata).toEqual({
      reply: reply(MAKER),
      files: [
        { id: 'F0CSV00001', name: 'data.csv' },
        { id: 'F0TITLE001', name: 'Only a title' },
      ],
      userName: 'maker',
    });
    const view = result.view('{"ref":"x"}');
    expect(view.callback_id).toBe(UPLOAD_SUBMIT_CALLBACK);
    expect(view.private_metadata).toBe('{"ref":"x"}');
    expect(JSON.stringify(view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"staging (333333333333)"',
    );
  });

  it('keeps at most 20 files, names cut to 255 characters, and the user name to 80', async () => {
    const files = Array.from({ length: 25 }, (_, i) => ({
      id: `F0FILE${i}`,
      name: `${'x'.repeat(300)}${i}`,
    }));

    const result = await plan(MAKER, files, 'm'.repeat(100));

    expect(result.type).toBe('open');
    if (result.type !== 'open') return;
    expect(result.metadata.files).toHaveLength(20);
    expect(result.metadata.files.every((f) => f.name.length === 255)).toBe(true);
    expect(result.metadata.userName).toHaveLength(80);
  });

  it('refuses someone not on the upload allow-list, with a refusal to audit', async () => {
    expect(await plan(STRANGER, [{ id: 'F0CSV00001', name: 'data.csv' }])).toEqual({
      type: 'refused',
      message: 'You are not on the allow-list for uploads to S3, so nothing was done.',
      refusal: { action: 'bucket.upload', target: '(shortcut)', reason: 'not on the allow-list for upload' },
    });
  });

  it('says so, without an audit, when the message has no file the bot can upload', async () => {
    expect(await plan(MAKER, [{ id: 'F0GONE0001', mode: 'tombstone' }])).toEqual({
      type: 'refused',
      message:
        'That message has no file the bot can upload. Use the shortcut on a message with an attached file.',
    });
  });
});
