import type { KnownBlock, ModalView } from '@slack/types';
import { mrkdwnText, plainText } from './message';
import { truncateText } from './truncate';

/** The message shortcut "Upload to S3" that opens this modal (as registered in infra/slack-app-manifest.yaml). */
export const UPLOAD_SHORTCUT = 'bucket_upload';
export const UPLOAD_SUBMIT_CALLBACK = 'bucket_upload_submit';
export const UPLOAD_FIELDS = {
  file: { block: 'upload_file', action: 'file' },
  account: { block: 'upload_account', action: 'account' },
  bucket: { block: 'upload_bucket', action: 'bucket' },
  prefix: { block: 'upload_prefix', action: 'prefix' },
} as const;

export interface UploadModalView {
  files: { id: string; name: string }[];
  accounts: { id: string; label: string }[];
  defaultAccountId?: string;
  privateMetadata: string;
}

/** An option's label; Slack rejects an empty one, so a blank name (a file can be named '   ') shows its id. */
const option = (value: string, label: string) => ({
  text: plainText(truncateText(label.trim() === '' ? value : label, 75)),
  value,
});

/** Pick the file (when the message has several), the account and the bucket, and an optional folder. */
export function uploadModal(v: UploadModalView): ModalView {
  const files = v.files.slice(0, 100).map((f) => option(f.id, f.name));
  const accounts = v.accounts.slice(0, 100).map((a) => option(a.id, a.label));
  const initialAccount = accounts.find((a) => a.value === v.defaultAccountId);
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: UPLOAD_FIELDS.file.block,
      label: plainText('File'),
      element: {
        type: 'static_select',
        action_id: UPLOAD_FIELDS.file.action,
        options: files,
        ...(files[0] ? { initial_option: files[0] } : {}),
      },
    },
    {
      type: 'input',
      block_id: UPLOAD_FIELDS.account.block,
      label: plainText('AWS account'),
      element: {
        type: 'static_select',
        action_id: UPLOAD_FIELDS.account.action,
        options: accounts,
        ...(initialAccount ? { initial_option: initialAccount } : {}),
      },
    },
    {
      type: 'input',
      block_id: UPLOAD_FIELDS.bucket.block,
      label: plainText('Bucket'),
      hint: plainText('An existing bucket the bot may write to in that account.'),
      element: { type: 'plain_text_input', action_id: UPLOAD_FIELDS.bucket.action, max_length: 63 },
    },
    {
      type: 'input',
      block_id: UPLOAD_FIELDS.prefix.block,
      optional: true,
      label: plainText('Folder (key prefix)'),
      hint: plainText(
        'e.g. reports/2024/ — the file keeps its name. Existing objects are never overwritten.',
      ),
      element: { type: 'plain_text_input', action_id: UPLOAD_FIELDS.prefix.action, max_length: 512 },
    },
    {
      type: 'context',
      elements: [
        mrkdwnText('The bot downloads the file from Slack and writes it to S3 as a private object.'),
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: UPLOAD_SUBMIT_CALLBACK,
    private_metadata: v.privateMetadata,
    title: plainText('Upload to S3'),
    submit: plainText('Upload'),
    close: plainText('Cancel'),
    blocks,
  };
}
