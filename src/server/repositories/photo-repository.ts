import type { Kysely } from 'kysely';
import type { PhotosTable, PhotoUploadsTable, ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export type PhotoUpload = PhotoUploadsTable;

export function findPhoto(db: Db, eventId: string, hash: string): Promise<Pick<PhotosTable, 'bytes' | 'type'> | undefined> {
  return db
    .selectFrom('photos')
    .select(['bytes', 'type'])
    .where('event_id', '=', eventId)
    .where('hash', '=', hash)
    .executeTakeFirst();
}

export function findUpload(db: Db, deviceId: string, hash: string): Promise<PhotoUpload | undefined> {
  return db.selectFrom('photo_uploads').selectAll().where('device_id', '=', deviceId).where('hash', '=', hash).executeTakeFirst();
}

/** How many uploads the device has not finished, and the bytes they will hold when they do. */
export async function unfinishedUploadsOf(db: Db, deviceId: string): Promise<{ count: number; bytes: number }> {
  const row = await db
    .selectFrom('photo_uploads')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('total').as('bytes')])
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/** A new upload with its first chunk. */
export async function startUpload(trx: Db, upload: PhotoUpload, chunk: Buffer): Promise<void> {
  await trx.insertInto('photo_uploads').values(upload).execute();
  await trx
    .insertInto('photo_upload_chunks')
    .values({ device_id: upload.device_id, hash: upload.hash, start: 0, bytes: chunk })
    .execute();
}

/**
 * Appends a chunk where the upload stands. False when it no longer stands at `start` (another
 * request of the same device got there first): the update's condition decides, on both databases.
 */
export async function appendChunk(
  trx: Db,
  deviceId: string,
  hash: string,
  start: number,
  chunk: Buffer,
  at: string,
): Promise<boolean> {
  const moved = await trx
    .updateTable('photo_uploads')
    .set((eb) => ({ received: eb('received', '+', chunk.length), updated_at: at }))
    .where('device_id', '=', deviceId)
    .where('hash', '=', hash)
    .where('received', '=', start)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return false;
  await trx.insertInto('photo_upload_chunks').values({ device_id: deviceId, hash, start, bytes: chunk }).execute();
  return true;
}

export async function readChunks(db: Db, deviceId: string, hash: string): Promise<{ start: number; bytes: Buffer }[]> {
  return db
    .selectFrom('photo_upload_chunks')
    .select(['start', 'bytes'])
    .where('device_id', '=', deviceId)
    .where('hash', '=', hash)
    .orderBy('start')
    .execute();
}

export async function dropUpload(trx: Db, deviceId: string, hash: string): Promise<void> {
  await trx.deleteFrom('photo_upload_chunks').where('device_id', '=', deviceId).where('hash', '=', hash).execute();
  await trx.deleteFrom('photo_uploads').where('device_id', '=', deviceId).where('hash', '=', hash).execute();
}

/** The event holds the file from now on; a second completion (another instance, a retry) changes nothing. */
export async function recordPhoto(trx: Db, photo: PhotosTable): Promise<void> {
  await trx
    .insertInto('photos')
    .values(photo)
    .onConflict((oc) => oc.columns(['event_id', 'hash']).doNothing())
    .execute();
}

/** Uploads whose last chunk arrived before `before`, or of one event. */
export async function listUploads(db: Db, filter: { before: string } | { eventId: string }) {
  let query = db.selectFrom('photo_uploads').select(['device_id', 'hash']);
  query = 'before' in filter ? query.where('updated_at', '<', filter.before) : query.where('event_id', '=', filter.eventId);
  return query.execute();
}

export function photosOfEvent(db: Db, eventId: string): Promise<Pick<PhotosTable, 'hash' | 'stored_at'>[]> {
  return db.selectFrom('photos').select(['hash', 'stored_at']).where('event_id', '=', eventId).execute();
}

export async function eventsWithPhotos(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('photos').select('event_id').distinct().execute();
  return rows.map((row) => row.event_id);
}

export async function deletePhotoRow(trx: Db, eventId: string, hash: string): Promise<void> {
  await trx.deleteFrom('photos').where('event_id', '=', eventId).where('hash', '=', hash).execute();
}

/** Whether any event still holds the file (the store keeps one file per hash for all of them). */
export async function isPhotoHeld(db: Db, hash: string): Promise<boolean> {
  return (await db.selectFrom('photos').select('event_id').where('hash', '=', hash).limit(1).executeTakeFirst()) !== undefined;
}

/** Drops an upload whose last chunk arrived before `before`, unless a chunk arrived since; true when dropped. */
export async function dropUploadIfStale(trx: Db, deviceId: string, hash: string, before: string): Promise<boolean> {
  const dropped = await trx
    .deleteFrom('photo_uploads')
    .where('device_id', '=', deviceId)
    .where('hash', '=', hash)
    .where('updated_at', '<', before)
    .executeTakeFirst();
  if (Number(dropped.numDeletedRows) === 0) return false;
  await trx.deleteFrom('photo_upload_chunks').where('device_id', '=', deviceId).where('hash', '=', hash).execute();
  return true;
}
