import { S3Client } from '@aws-sdk/client-s3';
import type { ClientMaker } from '../member-clients';

/** Follows a bucket's region redirect (a bucket named in the wrong region still answers). */
export const s3Clients: ClientMaker<S3Client> = {
  make: (base) => new S3Client({ ...base, followRegionRedirects: true }),
};
