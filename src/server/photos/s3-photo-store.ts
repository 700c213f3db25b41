import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3PhotoStoreConfig } from './photo-config';
import { assertPhotoHash, type PhotoStore } from './photo-store';

const statusOf = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);
const isMissing = (error: unknown) =>
  statusOf(error) === 404 || (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'));

/** What a failed start-up look at the bucket means to whoever set the variables. */
function bucketProblem(error: unknown, config: S3PhotoStoreConfig): string | null {
  const where = `bucket "${config.bucket}"${config.endpoint ? ` at ${config.endpoint}` : ''}`;
  switch (statusOf(error)) {
    case 404:
      return `The photo ${where} does not exist: create it, or fix HELPTENT_S3_BUCKET.`;
    case 403:
      return `The photo ${where} refuses these credentials: check HELPTENT_S3_ACCESS_KEY_ID and HELPTENT_S3_SECRET_ACCESS_KEY and the bucket's policy.`;
    case 301:
    case 400:
      return `The photo ${where} is not in region "${config.region}" or needs HELPTENT_S3_FORCE_PATH_STYLE=1: check HELPTENT_S3_REGION.`;
    default:
      return null;
  }
}

/**
 * Photos in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph…), one object per hash
 * under the configured prefix; what several server instances share. Loaded only when configured
 * (open-photo-store.ts), so an SQLite box never loads the AWS SDK.
 */
export function openS3PhotoStore(config: S3PhotoStoreConfig): PhotoStore {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Many S3-compatible services (older MinIO, R2, s3rver) refuse the SDK's default extra
    // checksums; the server checks every photo's SHA-256 itself before it stores it.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that hangs must not hold a phone's request for longer than the phone waits.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
    maxAttempts: 3,
  });
  const Bucket = config.bucket;
  const keyOf = (hash: string) => {
    assertPhotoHash(hash);
    return `${config.prefix}${hash}`;
  };
  return {
    description: `s3 ${config.bucket}/${config.prefix}${config.endpoint ? ` at ${config.endpoint}` : ''}`,
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return null;
      } catch (error) {
        const problem = bucketProblem(error, config);
        // A bucket that is not there, or credentials it refuses, will not heal by waiting; a
        // network that is down might, and photos wait on the phones meanwhile.
        if (problem) throw new Error(problem);
        return `The photo bucket "${config.bucket}" does not answer yet (${error instanceof Error ? error.message : String(error)}); photo uploads wait until it does.`;
      }
    },
    async put(hash, bytes, type) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(hash), Body: bytes, ContentType: type, ContentLength: bytes.length }),
      );
    },
    async has(hash) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(hash) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async get(hash) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(hash) }));
        return answer.Body ? await answer.Body.transformToByteArray() : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(hash) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(hash) }));
    },
    async close() {
      client.destroy();
    },
  };
}
