import * as z from 'zod';
import { accountRefSchema, replyTargetSchema } from '../jobs/job-parts';

/** What the website confirmation modal carries to its submission (Slack keeps it; people cannot edit it). */
export const websiteConfirmMetadata = z.object({
  bucket: z.string(),
  account: accountRefSchema,
  indexDocument: z.string(),
  errorDocument: z.string(),
  reply: replyTargetSchema,
  userName: z.string().optional(),
});

export type WebsiteConfirmMetadata = z.infer<typeof websiteConfirmMetadata>;

/** What the upload modal carries: where to answer and which files the message had. */
export const uploadMetadata = z.object({
  reply: replyTargetSchema,
  files: z.array(z.object({ id: z.string(), name: z.string() })).max(20),
  userName: z.string().optional(),
});

export type UploadMetadata = z.infer<typeof uploadMetadata>;

export function parseMetadata<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(raw ?? ''));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
