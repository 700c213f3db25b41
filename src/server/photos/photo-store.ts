import type { PhotoType } from '../../domain/photo';
import { hashPattern } from '../../domain/photo';

/**
 * Where photo files are kept, by content hash: a folder beside the database, or an S3-compatible
 * bucket shared by several server instances. Which event holds which file is the database's
 * business (the photos table); a store only keeps bytes under their hash. Every method is
 * idempotent, so a retried or repeated call does no harm.
 */
export interface PhotoStore {
  /** For the start-up line and logs: "disk /var/lib/helptent/photos", "s3 bucket/prefix". */
  readonly description: string;
  /**
   * Throws a sentence when the store cannot work as configured (missing bucket, credentials
   * refused, unwritable folder); returns one to log when it cannot tell now (network down), else null.
   */
  check(): Promise<string | null>;
  /** Keeps the bytes under the hash, whole or not at all; the caller has checked the hash. */
  put(hash: string, bytes: Uint8Array, type: PhotoType): Promise<void>;
  has(hash: string): Promise<boolean>;
  /** The file's bytes, or null when the store does not hold it. */
  get(hash: string): Promise<Uint8Array | null>;
  delete(hash: string): Promise<void>;
  close(): Promise<void>;
}

/** Hashes reach the stores already checked; this guards paths and keys against a slip all the same. */
export function assertPhotoHash(hash: string): void {
  if (!hashPattern.test(hash)) throw new Error(`not a photo hash: ${JSON.stringify(hash.slice(0, 80))}`);
}
