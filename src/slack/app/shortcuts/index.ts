import type { App, MessageShortcut } from '@slack/bolt';
import { UPLOAD_SHORTCUT } from '../../../../blocks/bucket-upload-modal';
import type { SlackAppDeps } from '../deps';
import { bucketUploadShortcut } from './bucket-upload';

/** Binds every message and global shortcut to its listener; the one place callback ids meet listeners. */
export function registerShortcuts(app: App, deps: SlackAppDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: UPLOAD_SHORTCUT, type: 'message_action' },
    bucketUploadShortcut(deps),
  );
}
