import type { PhotoType } from '../domain/photo';

/** Which of a photo's two files a row holds. */
export type PhotoRole = 'full' | 'thumb';

/**
 * One photo file on this phone, keyed by the SHA-256 of its bytes. The bytes are a Blob, which
 * IndexedDB keeps as a file of its own: reading the row hands out a handle, not the bytes.
 */
export interface PhotoFileRow {
  hash: string;
  blob: Blob;
  type: PhotoType;
  bytes: number;
  /** The issue it was attached to (or fetched for): the server serves a file to the devices of an issue that names it. */
  issueId: string;
  photoId: string;
  role: PhotoRole;
  /** True once the server holds the whole file: only then may the storage budget drop it from this phone. */
  uploaded: boolean;
  /** Device time it was stored or last shown: the budget drops the least recently viewed first. */
  lastUsedAt: string;
}

/** A file waiting to be sent to the server, by the photo upload queue (never by the text sync). */
export interface PhotoUploadRow {
  hash: string;
  issueId: string;
  photoId: string;
  role: PhotoRole;
  type: PhotoType;
  bytes: number;
  /** Bytes the server acknowledged so far: the progress shown; the server's own count decides where to resume. */
  sent: number;
  queuedAt: string;
  /** Why the server would not take it (refused, not the file it named): not retried until the app starts again. */
  problem?: string;
}
