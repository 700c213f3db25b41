/**
 * The photo upload protocol, shared by the phone's upload queue and the server's routes.
 *
 * Resumable and idempotent by content hash:
 * - `GET  /api/photos/:hash/upload`  → UploadState: how many bytes the server holds of it.
 * - `PUT  /api/photos/:hash/upload?offset=N&total=T&type=image/jpeg` with an
 *   application/octet-stream body of at most `uploadChunkBytes` bytes appends them at N (a body
 *   sent as image/jpeg or image/webp, as fetch labels a Blob, is taken the same).
 *   An offset that is not what the server holds answers 409 with the UploadState to resume from.
 *   When the last byte arrives the server checks the SHA-256 against the hash and stores the
 *   file once (a mismatch drops what was received and answers 422).
 * - `GET  /api/photos/:hash?issue=<issueId>` → the bytes, only to a device of the issue's event
 *   that may see that issue, and only when that issue refers to the file.
 *
 * What the server holds is per event: a file another event holds is uploaded again (its bytes
 * prove the phone has it), then answers complete at once to every later PUT or GET of this event.
 * Partial uploads are per device and survive a server restart; one untouched for a day is dropped
 * (the phone then starts again at 0, which a GET tells it).
 *
 * Other answers, all `{ error: { kind, message } }` (sync-protocol's errorBodySchema):
 * - 400 `invalid`: a hash that is not a SHA-256, an offset or total out of range, an empty or
 *   non-octet-stream chunk, a chunk past the total, a first chunk whose bytes are not the type's
 *   (JPEG or WebP). Do not retry as is.
 * - 413 `invalid`: a chunk over `uploadChunkBytes`.
 * - 422 `invalid`: the whole file's SHA-256 is not the hash (or its bytes are not a whole picture
 *   of the type); nothing was kept: start again at 0 with the right bytes.
 * - 429 `rate-limited`: too many requests, or too many unfinished uploads on this device: retry later.
 * - 503 `storage-unavailable`: the server cannot store photos now (or has no photo storage set
 *   up): retry later; the photo stays queued on the phone.
 */
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { maxPhotoBytes, photoTypes } from './photo';

/**
 * A compressed photo (a few hundred KB) goes in one request: on a festival link the round trips
 * cost more than the bytes. Larger files resume from the last whole chunk.
 */
export const uploadChunkBytes = 512 * 1024;

export const uploadStateSchema = lazySchema(() =>
  z.object({
    /** Bytes of the file the server holds; equal to the total once complete. */
    received: z.number(),
    complete: z.boolean(),
  }),
);
export type UploadState = z.infer<typeof uploadStateSchema>;

/** The query of a chunk PUT: where the chunk goes, the whole file's length and its type. */
export const uploadChunkQuerySchema = lazySchema(() =>
  z.object({
    offset: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(maxPhotoBytes)),
    total: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(maxPhotoBytes, `must be at most ${maxPhotoBytes} bytes`)),
    type: z.enum(photoTypes),
  }),
);
export type UploadChunkQuery = z.infer<typeof uploadChunkQuerySchema>;

/** The query of a photo fetch: the issue that shows the photo. */
export const photoQuerySchema = lazySchema(() => z.object({ issue: z.string().check(z.minLength(1), z.maxLength(100)) }));

export const photoUploadPath = (hash: string): string => `/api/photos/${hash}/upload`;
export const photoChunkPath = (hash: string, query: UploadChunkQuery): string =>
  `${photoUploadPath(hash)}?offset=${query.offset}&total=${query.total}&type=${encodeURIComponent(query.type)}`;
export const photoPath = (hash: string, issueId: string): string => `/api/photos/${hash}?issue=${encodeURIComponent(issueId)}`;
