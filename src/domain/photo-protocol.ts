/**
 * The photo upload protocol, shared by the phone's upload queue and the server's routes.
 *
 * Resumable and idempotent by content hash:
 * - `GET  /api/photos/:hash/upload`  → UploadState: how many bytes the server holds of it.
 * - `PUT  /api/photos/:hash/upload?offset=N&total=T&type=image/jpeg` with an
 *   application/octet-stream body of at most `uploadChunkBytes` bytes appends them at N.
 *   An offset that is not what the server holds answers 409 with the UploadState to resume from.
 *   When the last byte arrives the server checks the SHA-256 against the hash and stores the
 *   file once (a mismatch drops what was received and answers 422).
 * - `GET  /api/photos/:hash?issue=<issueId>` → the bytes, only to a device of the issue's event
 *   that may see that issue, and only when that issue refers to the file.
 */
import * as z from 'zod/mini';

export const uploadChunkBytes = 256 * 1024;

export const uploadStateSchema = z.object({
  /** Bytes of the file the server holds; equal to the total once complete. */
  received: z.number(),
  complete: z.boolean(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

export const photoUploadPath = (hash: string): string => `/api/photos/${hash}/upload`;
export const photoPath = (hash: string, issueId: string): string => `/api/photos/${hash}?issue=${encodeURIComponent(issueId)}`;
