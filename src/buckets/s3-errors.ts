/** What the S3 SDK puts on an error: HTTP status, name, and the raw response headers. */
export interface S3ErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

export function s3Status(error: unknown): number | undefined {
  return (error as S3ErrorShape | undefined)?.$metadata?.httpStatusCode;
}

export function s3ErrorName(error: unknown): string {
  return (error as S3ErrorShape | undefined)?.name ?? 'Error';
}

/** The region S3 names in a redirect (`x-amz-bucket-region`), when it names one. */
export function redirectRegion(error: unknown): string | undefined {
  return (error as S3ErrorShape | undefined)?.$response?.headers?.['x-amz-bucket-region'];
}

/** AccessDenied and friends: the bot's role in the member account may not do this. */
export function isAccessDenied(error: unknown): boolean {
  return s3Status(error) === 403 || /AccessDenied|Forbidden/.test(s3ErrorName(error));
}

/** A bucket-level setting that is simply not there (no website, no tags, no policy, …). */
export function isNotConfigured(error: unknown): boolean {
  return /^NoSuch|NotFound(Error)?$/.test(s3ErrorName(error)) && s3ErrorName(error) !== 'NoSuchBucket';
}

/** An S3 call failed for a reason a person can act on; the message says what and what to do. */
export class BucketJobError extends Error {
  override readonly name = 'BucketJobError';
  constructor(
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
