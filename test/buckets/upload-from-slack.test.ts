import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BucketJobError } from '../../src/buckets/s3-errors';
import { uploadSlackFile } from '../../src/buckets/upload-from-slack';
import { SlackFileError, type SlackFiles, WebApiSlackFiles } from '../../src/slack/api/slack-files';
import { s3Error } from '../support/s3-error';

const s3 = mockClient(S3Client);
beforeEach(() => s3.reset());

function files(size: number): SlackFiles & { downloads: number } {
  return {
    downloads: 0,
    info: async (id) => ({ id, name: 'a.bin', size, downloadUrl: 'https://files.slack.com/x' }),
    async download() {
      this.downloads += 1;
      return new Uint8Array(size);
    },
  };
}

describe('uploadSlackFile', () => {
  it('refuses a file over the limit before downloading it', async () => {
    const slack = files(2048);

    const error = await uploadSlackFile(new S3Client({}), slack, {
      bucket: 'stg-a',
      key: 'a.bin',
      fileId: 'F1',
      maxBytes: 1024,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BucketJobError);
    expect((error as Error).message).toMatch(/2\.0 KB; the bot uploads files up to 1\.0 KB/);
    expect(slack.downloads).toBe(0);
  });

  it('never overwrites an existing object', async () => {
    s3.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));

    await expect(
      uploadSlackFile(new S3Client({}), files(10), {
        bucket: 'stg-a',
        key: 'a.bin',
        fileId: 'F1',
        maxBytes: 1024,
      }),
    ).rejects.toThrow(/already exists/);
  });
});

describe('WebApiSlackFiles.download', () => {
  it('sends the bot token to no host but Slack file hosts and the configured API host', async () => {
    const client = new WebApiSlackFiles('xoxb-secret', 'https://slack.com/api/', async () => {
      throw new Error('must not be called');
    });

    await expect(client.download('https://evil.example/steal', 10)).rejects.toBeInstanceOf(SlackFileError);
    await expect(client.download('http://files.slack.com/x', 10)).rejects.toBeInstanceOf(SlackFileError);
  });

  it('stops reading once the file grows past the limit', async () => {
    const client = new WebApiSlackFiles(
      'xoxb-secret',
      'https://slack.com/api/',
      async () => new Response(new Uint8Array(100)),
    );

    await expect(client.download('https://files.slack.com/x', 50)).rejects.toThrow(/larger than 50 bytes/);
  });
});
