import type { HelptentDatabase } from '../db/database';
import type { PhotoUploadRow } from '../db/photo-rows';
import { completeUpload, recordUploadProgress } from '../db/photo-upload-queue';
import { AppError } from '../domain/app-error';
import { uploadChunkBytes } from '../domain/photo-protocol';
import type { PhotoHttp } from './photo-http';

/** Answers in a row that moved nothing before the server is taken to be misbehaving. */
const maxStalls = 3;

/**
 * Sends one file in chunks, from wherever the server says it is: a lost signal, a closed tab or
 * a restarted server costs at most the chunk that was on its way. A file the server holds
 * whole already (sent by another tab, or the same picture on another issue) sends nothing.
 */
export async function uploadPhotoFile(
  db: HelptentDatabase,
  http: PhotoHttp,
  row: PhotoUploadRow,
  blob: Blob,
  chunkBytes = uploadChunkBytes,
): Promise<void> {
  let state = await http.uploadState(row.hash);
  let stalls = 0;
  while (!state.complete) {
    const offset = state.received;
    if (offset < 0 || offset >= row.bytes) {
      throw new AppError('server', 'The server counts more of a photo than it has. Photos wait safely on this phone.');
    }
    if (offset !== row.sent) await recordUploadProgress(db, row.hash, offset);
    row = { ...row, sent: offset };
    const next = await http.putChunk(row.hash, {
      offset,
      total: row.bytes,
      type: row.type,
      bytes: blob.slice(offset, Math.min(row.bytes, offset + chunkBytes)),
    });
    stalls = next.complete || next.received > offset ? 0 : stalls + 1;
    if (stalls >= maxStalls) {
      throw new AppError('server', 'The server is not taking a photo’s bytes. Photos wait safely on this phone.');
    }
    state = next;
  }
  await completeUpload(db, row.hash);
}
