import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from '../../domain/validation';

export interface S3PhotoStoreConfig {
  kind: 's3';
  bucket: string;
  region: string;
  /** Any S3-compatible service (MinIO, R2, Ceph…); absent for AWS itself. */
  endpoint?: string;
  /** Absent: the AWS SDK's own chain (AWS_* variables, instance or container role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path (http://host/bucket/key), as MinIO and most self-hosted services want. */
  forcePathStyle: boolean;
  /** Put before every object key ("helptent/photos/"), to share a bucket. */
  prefix: string;
}

export type PhotoStoreConfig = { kind: 'disk'; dir: string } | S3PhotoStoreConfig;

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const photoEnvSchema = z.object({
  HELPTENT_PHOTO_STORE: z.enum(['disk', 's3']).optional(),
  HELPTENT_PHOTO_DIR: z.string().trim().min(1).optional(),
  HELPTENT_S3_BUCKET: z.string().trim().min(3).max(63).optional(),
  HELPTENT_S3_REGION: z.string().trim().min(1).default('us-east-1'),
  HELPTENT_S3_ENDPOINT: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/.*)?$/, 'must be an http:// or https:// address, e.g. http://minio:9000')
    .optional(),
  HELPTENT_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  HELPTENT_S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  HELPTENT_S3_FORCE_PATH_STYLE: flag.default(false),
  HELPTENT_S3_PREFIX: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be folder names ending in "/", e.g. helptent/photos/')
    .max(200)
    .default(''),
});

/**
 * Where photos are kept, from the environment:
 * - S3-compatible storage when HELPTENT_PHOTO_STORE=s3 or HELPTENT_S3_BUCKET is set;
 * - otherwise a folder: HELPTENT_PHOTO_DIR, or beside the SQLite database (`<db dir>/photos`);
 * - on PostgreSQL with neither, none (null): several instances cannot share a folder unless told
 *   so, and a photo stored on one box that another cannot serve would be lost to the event. The
 *   server still syncs text and answers photo uploads with 503 until storage is configured.
 * A setting that cannot work stops the start with a sentence naming the variable.
 */
export function loadPhotoStoreConfig(
  env: NodeJS.ProcessEnv,
  cwd: string,
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres' },
): PhotoStoreConfig | null {
  const parsed = parseOrThrow(photoEnvSchema, env, 'photo storage environment');
  const kind = parsed.HELPTENT_PHOTO_STORE ?? (parsed.HELPTENT_S3_BUCKET ? 's3' : 'disk');
  if (kind === 's3') {
    if (!parsed.HELPTENT_S3_BUCKET) throw new Error('HELPTENT_PHOTO_STORE=s3 needs HELPTENT_S3_BUCKET, the bucket photos go to.');
    const id = parsed.HELPTENT_S3_ACCESS_KEY_ID;
    const secret = parsed.HELPTENT_S3_SECRET_ACCESS_KEY;
    if (Boolean(id) !== Boolean(secret)) {
      throw new Error(
        'Set both HELPTENT_S3_ACCESS_KEY_ID and HELPTENT_S3_SECRET_ACCESS_KEY, or neither (to use the AWS credentials of the environment).',
      );
    }
    return {
      kind: 's3',
      bucket: parsed.HELPTENT_S3_BUCKET,
      region: parsed.HELPTENT_S3_REGION,
      ...(parsed.HELPTENT_S3_ENDPOINT ? { endpoint: parsed.HELPTENT_S3_ENDPOINT } : {}),
      ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret } } : {}),
      forcePathStyle: parsed.HELPTENT_S3_FORCE_PATH_STYLE,
      prefix: parsed.HELPTENT_S3_PREFIX,
    };
  }
  if (parsed.HELPTENT_PHOTO_DIR) {
    const dir = parsed.HELPTENT_PHOTO_DIR;
    return { kind: 'disk', dir: isAbsolute(dir) ? dir : resolve(cwd, dir) };
  }
  if (database.kind === 'sqlite') return { kind: 'disk', dir: photoDirBeside(database.file) };
  if (parsed.HELPTENT_PHOTO_STORE === 'disk') {
    throw new Error('HELPTENT_PHOTO_STORE=disk on PostgreSQL needs HELPTENT_PHOTO_DIR, a folder every server instance shares.');
  }
  return null;
}

/** The default photo folder of an SQLite database: beside it, so one backup of the folder holds both. */
export function photoDirBeside(databaseFile: string): string {
  return join(dirname(databaseFile), 'photos');
}
