import { S3ServiceException } from '@aws-sdk/client-s3';

/** An S3 error as the SDK throws it: name, HTTP status and, for redirects, the x-amz-bucket-region header. */
export function s3Error(
  name: string,
  status: number,
  headers: Record<string, string> = {},
): S3ServiceException {
  const error = new S3ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    message: name,
  });
  Object.assign(error, { $response: { statusCode: status, headers } });
  return error;
}
