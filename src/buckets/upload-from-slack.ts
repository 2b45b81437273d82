import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SlackFiles } from '../slack/api/slack-files';
import { formatBytes } from './convert-object';
import { BucketJobError, s3Status } from './s3-errors';

export interface UploadRequest {
  bucket: string;
  key: string;
  fileId: string;
  maxBytes: number;
}

/**
 * A file shared in Slack → an object in S3. The file is looked up again by id (its size and URL come from
 * Slack, not from the request), downloaded with the bot token within the size limit, and written only if the
 * key is still free (`If-None-Match: *`).
 */
export async function uploadSlackFile(
  s3: S3Client,
  files: SlackFiles,
  request: UploadRequest,
): Promise<{ bytes: number; name: string }> {
  const file = await files.info(request.fileId);
  if (file.size > request.maxBytes) {
    throw new BucketJobError(
      `${file.name} is ${formatBytes(file.size)}; the bot uploads files up to ${formatBytes(request.maxBytes)}.`,
      'Upload it with the AWS CLI, or ask an admin to raise buckets.maxUploadSize.',
    );
  }
  const body = await files.download(file.downloadUrl, request.maxBytes);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: request.bucket,
        Key: request.key,
        Body: body,
        ContentLength: body.length,
        ContentType: file.mimetype ?? 'application/octet-stream',
        IfNoneMatch: '*',
      }),
    );
  } catch (error) {
    if (s3Status(error) === 412) {
      throw new BucketJobError(
        `"${request.key}" already exists in ${request.bucket}; the bot does not overwrite objects.`,
        'Run the shortcut again with another folder (key prefix).',
        { cause: error },
      );
    }
    throw error;
  }
  return { bytes: body.length, name: file.name };
}
