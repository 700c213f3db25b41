import type { FastifyInstance } from 'fastify';
import { photoHashesOf } from '../../domain/photo';
import { forEachEventIssue } from '../personal-data/event-issues';
import {
  deletePhotoRow,
  dropUpload,
  dropUploadIfStale,
  eventsWithPhotos,
  isPhotoHeld,
  listUploads,
  photosOfEvent,
} from '../repositories/photo-repository';
import type { Storage } from '../storage/storage';
import type { PhotoStore } from './photo-store';

/** An upload with no chunk for this long is given up: the phone starts again at 0 if it still wants to. */
export const staleUploadMs = 24 * 60 * 60 * 1000;
const cleaningEveryMs = 60 * 60 * 1000;

/** Drops partial uploads untouched since `now - maxAgeMs`; how many. */
export async function dropStaleUploads(storage: Storage, now: Date, maxAgeMs = staleUploadMs): Promise<number> {
  const before = new Date(now.getTime() - maxAgeMs).toISOString();
  let dropped = 0;
  for (const upload of await listUploads(storage.db, { before })) {
    // One transaction per upload, conditional on its age: a chunk arriving meanwhile keeps it.
    const gone = await storage.db.transaction().execute((trx) => dropUploadIfStale(trx, upload.device_id, upload.hash, before));
    if (gone) dropped += 1;
  }
  return dropped;
}

/**
 * Forgets that the event holds these photos, and deletes each file no other event holds (the
 * store keeps one file per hash). The rows go first: a file left behind by a failure is an
 * orphan to clean later, never a row pointing at nothing. (Two events completing and deleting
 * the same bytes in the same instant could still lose the file; different festivals do not share
 * photos byte for byte.)
 */
async function forgetPhotos(storage: Storage, store: PhotoStore, eventId: string, hashes: string[]): Promise<void> {
  for (const hash of hashes) {
    await deletePhotoRow(storage.db, eventId, hash);
    if (!(await isPhotoHeld(storage.db, hash))) await store.delete(hash);
  }
}

/** Every photo and partial upload of the event, for when the event itself is deleted. */
export async function deletePhotosOfEvent(storage: Storage, store: PhotoStore, eventId: string): Promise<number> {
  for (const upload of await listUploads(storage.db, { eventId })) {
    await storage.db.transaction().execute((trx) => dropUpload(trx, upload.device_id, upload.hash));
  }
  const photos = await photosOfEvent(storage.db, eventId);
  await forgetPhotos(
    storage,
    store,
    eventId,
    photos.map((photo) => photo.hash),
  );
  return photos.length;
}

/**
 * Photos of the event that no issue shows any more (removed with removePhoto, or uploaded and
 * never attached) and that were stored before `storedBefore`: a photo reaches the server before
 * the change that attaches it as often as after, so only old ones are deleted. Also what an
 * erasure or the retention purge calls once they remove photos from issues.
 */
export async function deleteUnreferencedPhotos(
  storage: Storage,
  store: PhotoStore,
  eventId: string,
  storedBefore: Date,
): Promise<number> {
  const shown = new Set<string>();
  await forEachEventIssue(storage.db, eventId, (issue) => {
    for (const hash of photoHashesOf(issue)) shown.add(hash);
  });
  const cutoff = storedBefore.toISOString();
  const unreferenced = (await photosOfEvent(storage.db, eventId))
    .filter((photo) => !shown.has(photo.hash) && photo.stored_at < cutoff)
    .map((photo) => photo.hash);
  await forgetPhotos(storage, store, eventId, unreferenced);
  return unreferenced.length;
}

export interface PhotoCleaning {
  staleUploads: number;
  unreferenced: number;
}

/**
 * The hourly clean: stale partial uploads, and the files of photos no issue shows any more and
 * stored more than a day ago: removed from their issue, or taken off by an erasure or the
 * retention purge (a photographed ID card), so those files do not outlive the data they were.
 */
export async function cleanPhotos(storage: Storage, store: PhotoStore | null, now: Date): Promise<PhotoCleaning> {
  const staleUploads = await dropStaleUploads(storage, now);
  let unreferenced = 0;
  if (store) {
    const storedBefore = new Date(now.getTime() - staleUploadMs);
    for (const eventId of await eventsWithPhotos(storage.db)) {
      unreferenced += await deleteUnreferencedPhotos(storage, store, eventId, storedBefore);
    }
  }
  return { staleUploads, unreferenced };
}

/** Cleans photos every hour, on every instance (each deletion is conditional, so two instances agree). */
export function schedulePhotoCleaning(app: FastifyInstance, everyMs = cleaningEveryMs): () => void {
  const run = async () => {
    try {
      const done = await cleanPhotos(app.storage, app.photoStore, new Date());
      if (done.staleUploads > 0 || done.unreferenced > 0) app.log.info(done, 'photo files and uploads no longer needed deleted');
    } catch (error) {
      app.log.error({ err: error }, 'cleaning photos failed; it runs again within the hour');
    }
  };
  const every = setInterval(run, everyMs);
  every.unref();
  return () => clearInterval(every);
}
