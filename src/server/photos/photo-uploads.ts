import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../domain/app-error';
import type { PhotoType } from '../../domain/photo';
import { isPhotoOfType, photoHeadBytes, photoTypeOfHead } from '../../domain/photo-bytes';
import type { UploadChunkQuery, UploadState } from '../../domain/photo-protocol';
import type { AuthenticatedDevice } from '../auth/authenticate';
import {
  appendChunk,
  dropUpload,
  findPhoto,
  findUpload,
  readChunks,
  recordPhoto,
  startUpload,
  unfinishedUploadsOf,
} from '../repositories/photo-repository';
import type { Storage } from '../storage/storage';
import { unsyncedTransaction } from '../storage/unsynced-transaction';
import type { PhotoStore } from './photo-store';
import { UploadRefusal } from './upload-answer';

/**
 * What one device may leave unfinished on the server: a phone uploads a few files at a time, and
 * one that starts many and finishes none (lost, or hostile) holds at most this much database.
 */
export const unfinishedUploadLimits = { count: 32, bytes: 64 * 1024 * 1024 };

export interface UploadContext {
  storage: Storage;
  /** Null when the server has no photo storage set up (PostgreSQL without S3 or a folder). */
  store: PhotoStore | null;
  device: AuthenticatedDevice;
  now: Date;
  log: FastifyBaseLogger;
}

const typeName: Record<PhotoType, string> = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
const startAgain: UploadState = { received: 0, complete: false };

export function requireStore(store: PhotoStore | null): PhotoStore {
  if (store) return store;
  throw new AppError(
    'storage-unavailable',
    'This server has no photo storage set up yet, so photos wait on the phones. Ask whoever runs the server to set HELPTENT_S3_BUCKET or HELPTENT_PHOTO_DIR.',
  );
}

/** Where the device's upload of this file stands. */
export async function uploadStateOf(ctx: UploadContext, hash: string): Promise<UploadState> {
  const { db } = ctx.storage;
  const stored = await findPhoto(db, ctx.device.event_id, hash);
  if (stored) return { received: stored.bytes, complete: true };
  const upload = await findUpload(db, ctx.device.id, hash);
  return upload ? { received: upload.received, complete: false } : startAgain;
}

/**
 * Takes one chunk of a file (photo-protocol.ts): the first starts the upload after its bytes
 * show the type it claims, the middle ones are kept in the database, the last one completes the
 * file. A file this event holds answers complete whatever is sent. Chunks are committed without
 * waiting for the disk (unsynced-transaction.ts): the phone keeps the file until it is complete,
 * and that last commit is synced.
 */
export async function receiveChunk(
  ctx: UploadContext,
  hash: string,
  query: UploadChunkQuery,
  chunk: Buffer,
): Promise<UploadState> {
  const store = requireStore(ctx.store);
  const { db } = ctx.storage;
  const stored = await findPhoto(db, ctx.device.event_id, hash);
  if (stored) return { received: stored.bytes, complete: true };
  const { offset, total, type } = query;
  if (offset + chunk.length > total) {
    throw new AppError('invalid', `This chunk ends at byte ${offset + chunk.length}, past the file's ${total} bytes.`);
  }
  if (chunk.length === 0) throw new AppError('invalid', 'This chunk is empty: send the bytes from the offset on.');

  let upload = await findUpload(db, ctx.device.id, hash);
  if (upload && (upload.total !== total || upload.type !== type)) {
    // The same hash cannot be two files: one of the two claims is wrong, and the hash will tell
    // which. The upload in progress is dropped and whoever is right starts again.
    await dropUpload(db, ctx.device.id, hash);
    upload = undefined;
  }
  if (!upload) {
    if (offset !== 0) throw new UploadRefusal(409, 'The server holds none of this file: start at offset 0.', startAgain);
    checkHead(chunk, total, type);
    if (chunk.length === total) return complete(ctx, store, { hash, total, type }, chunk);
    await checkUnfinished(ctx, total);
    const at = ctx.now.toISOString();
    const row = { device_id: ctx.device.id, hash, event_id: ctx.device.event_id, total, type, received: chunk.length };
    try {
      await unsyncedTransaction(ctx.storage, (trx) => startUpload(trx, { ...row, started_at: at, updated_at: at }, chunk));
    } catch (error) {
      // Two first chunks at once (a retry racing the original): the other one started it.
      return whereItStands(ctx, hash, error);
    }
    return { received: chunk.length, complete: false };
  }

  if (offset !== upload.received) {
    throw new UploadRefusal(409, `The server holds ${upload.received} bytes of this file: go on from there.`, {
      received: upload.received,
      complete: false,
    });
  }
  if (offset + chunk.length === total) {
    // The last chunk is never written to the database: the file is checked and stored, or refused.
    const whole = await assemble(ctx, hash, offset, chunk);
    return complete(ctx, store, upload, whole);
  }
  const appended = await unsyncedTransaction(ctx.storage, (trx) =>
    appendChunk(trx, ctx.device.id, hash, offset, chunk, ctx.now.toISOString()),
  );
  if (!appended) return whereItStands(ctx, hash);
  return { received: offset + chunk.length, complete: false };
}

/** The first bytes must be the picture type the phone says: the server never stores what it would not serve as such. */
function checkHead(chunk: Buffer, total: number, type: PhotoType): void {
  if (chunk.length < Math.min(total, photoHeadBytes)) {
    throw new AppError('invalid', `The first chunk must hold at least the file's first ${photoHeadBytes} bytes.`);
  }
  const found = photoTypeOfHead(chunk.subarray(0, photoHeadBytes));
  if (found !== type) {
    throw new AppError(
      'invalid',
      found
        ? `This file is a ${typeName[found]} picture, not ${typeName[type]} as the request says.`
        : `This file is not a ${typeName[type]} picture (only JPEG and WebP photos are taken).`,
    );
  }
}

async function checkUnfinished(ctx: UploadContext, total: number): Promise<void> {
  const unfinished = await unfinishedUploadsOf(ctx.storage.db, ctx.device.id);
  if (unfinished.count >= unfinishedUploadLimits.count || unfinished.bytes + total > unfinishedUploadLimits.bytes) {
    throw new AppError(
      'rate-limited',
      `This phone has ${unfinished.count} photo uploads unfinished on the server: it finishes those before starting more (an upload untouched for a day is dropped).`,
    );
  }
}

/**
 * Another request moved the upload meanwhile (or dropped it): complete is complete; otherwise the
 * phone is told where to go on from. `cause` is the write that failed, thrown again when no other
 * request explains it.
 */
async function whereItStands(ctx: UploadContext, hash: string, cause?: unknown): Promise<UploadState> {
  const state = await uploadStateOf(ctx, hash);
  if (state.complete) return state;
  if (cause !== undefined && state.received === 0) throw cause;
  throw new UploadRefusal(409, `The server holds ${state.received} bytes of this file: go on from there.`, state);
}

/** The chunks held, in order and without gaps, followed by the last one. */
async function assemble(ctx: UploadContext, hash: string, offset: number, last: Buffer): Promise<Buffer> {
  const chunks = await readChunks(ctx.storage.db, ctx.device.id, hash);
  let expected = 0;
  for (const chunk of chunks) {
    if (chunk.start !== expected) break;
    expected += chunk.bytes.length;
  }
  if (expected !== offset) {
    // Cannot happen through appendChunk; if the rows say otherwise, start over rather than store a wrong file.
    ctx.log.error({ hash, deviceId: ctx.device.id, offset, held: expected }, 'photo upload chunks do not line up; dropped');
    await dropUpload(ctx.storage.db, ctx.device.id, hash);
    throw new UploadRefusal(409, 'The server lost track of this upload: start again at offset 0.', startAgain);
  }
  return Buffer.concat([...chunks.map((chunk) => chunk.bytes), last]);
}

/** Checks the whole file, stores it once, records that the event holds it and drops the chunks. */
async function complete(
  ctx: UploadContext,
  store: PhotoStore,
  file: { hash: string; total: number; type: PhotoType },
  bytes: Buffer,
): Promise<UploadState> {
  const { db } = ctx.storage;
  const problem =
    bytes.length !== file.total
      ? `The file has ${bytes.length} bytes, not ${file.total}.`
      : createHash('sha256').update(bytes).digest('hex') !== file.hash
        ? "The file's SHA-256 is not the hash it was sent under: nothing was kept; send it again from the start."
        : !isPhotoOfType(bytes, file.type)
          ? `The file is not a whole ${typeName[file.type]} picture: nothing was kept.`
          : null;
  if (problem) {
    await dropUpload(db, ctx.device.id, file.hash);
    throw new UploadRefusal(422, problem, startAgain);
  }
  try {
    await store.put(file.hash, bytes, file.type);
  } catch (error) {
    ctx.log.error({ err: error, hash: file.hash, store: store.description }, 'photo store write failed');
    throw new AppError(
      'storage-unavailable',
      'The server cannot store photos right now. The phone keeps the photo and sends its last part again later.',
    );
  }
  // Only the record that the event holds the file waits for the disk: once it is answered, the
  // phone may drop its copy. The chunks are dropped after it (a power cut that undoes that leaves
  // them to the stale-upload cleaning; the photo is complete either way).
  const { hash, total, type } = file;
  const at = ctx.now.toISOString();
  await recordPhoto(db, { event_id: ctx.device.event_id, hash, bytes: total, type, stored_at: at, device_id: ctx.device.id });
  await unsyncedTransaction(ctx.storage, (trx) => dropUpload(trx, ctx.device.id, hash));
  return { received: file.total, complete: true };
}
