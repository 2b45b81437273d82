import * as z from 'zod';
import { accountRefSchema } from '../aws/account-ref';
import { replyTargetSchema } from '../slack/api/reply-target';

/** What the website confirmation modal needs at its submission (stored by the bot: src/slack/app/view-metadata.ts). */
export const websiteConfirmMetadata = z.object({
  bucket: z.string(),
  account: accountRefSchema,
  indexDocument: z.string(),
  errorDocument: z.string(),
  reply: replyTargetSchema,
  userName: z.string().optional(),
});

export type WebsiteConfirmMetadata = z.infer<typeof websiteConfirmMetadata>;

/** What the upload modal needs at its submission: where to answer and which files the message had. */
export const uploadMetadata = z.object({
  reply: replyTargetSchema,
  files: z.array(z.object({ id: z.string(), name: z.string() })).max(20),
  userName: z.string().optional(),
});

export type UploadMetadata = z.infer<typeof uploadMetadata>;
