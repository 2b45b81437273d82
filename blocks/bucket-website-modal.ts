import type { ModalView } from '@slack/types';
import type { AccountLabel } from './bucket-replies';
import { accountLabel } from './bucket-replies';
import { mrkdwnText, plainText } from './message';
import { escapeMrkdwn, inlineCode } from './mrkdwn';
import { truncateText } from './truncate';

export const WEBSITE_CONFIRM_CALLBACK = 'bucket_website_confirm';

export interface WebsiteConfirmView {
  bucket: string;
  account: AccountLabel;
  indexDocument: string;
  errorDocument: string;
  /** Opaque to the builder: what the submission listener needs back (JSON, ≤ 3000 characters). */
  privateMetadata: string;
}

/**
 * The confirmation before a bucket becomes public. It says plainly what changes and what anyone on the
 * internet will be able to read; nothing happens unless the person presses the button.
 */
export function websiteConfirmModal(v: WebsiteConfirmView): ModalView {
  const bucket = inlineCode(v.bucket);
  return {
    type: 'modal',
    callback_id: WEBSITE_CONFIRM_CALLBACK,
    private_metadata: v.privateMetadata,
    title: plainText('Make bucket public?'),
    submit: plainText('Make it public'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          `:warning: *Everything in ${bucket} will be readable by anyone on the internet*, without logging in — ` +
            'every object there now and every object added later.',
        ),
      },
      {
        type: 'section',
        text: mrkdwnText(
          `Account: *${escapeMrkdwn(accountLabel(v.account))}*\nIf you confirm, the bot will:\n` +
            `• turn on static website hosting (index ${inlineCode(truncateText(v.indexDocument, 300))}, error page ${inlineCode(truncateText(v.errorDocument, 300))});\n` +
            `• turn off the Block Public Access settings that stop public bucket policies, *for ${bucket} only* ` +
            '(public ACLs stay blocked; other buckets and the account settings do not change);\n' +
            `• add a bucket policy statement that lets anyone read (s3:GetObject) every object in ${bucket}. Nobody gets write or list access.`,
        ),
      },
      {
        type: 'context',
        elements: [
          mrkdwnText(
            'Do not continue if the bucket holds anything private (exports, logs, backups, credentials). ' +
              'The change is audited and posted to the audit channel.',
          ),
        ],
      },
    ],
  };
}

/** Replaces a modal after its submission was refused or failed: what happened, in words, and a close button. */
export function bucketNoticeModal(title: string, message: string): ModalView {
  return {
    type: 'modal',
    title: plainText(title.slice(0, 24)),
    close: plainText('Close'),
    blocks: [{ type: 'section', text: mrkdwnText(`:warning: ${escapeMrkdwn(message).slice(0, 2900)}`) }],
  };
}
