import type { FestivalEvent } from '../domain/event';
import type { MutationContext } from '../domain/mutators';
import type { PhotoFile } from '../domain/photo';
import type { HelptentDatabase } from './database';
import { enforcePhotoBudget } from './photo-budget';
import type { PhotoFileRow, PhotoRole } from './photo-rows';
import { withReopenRetry } from './retry';
import { changeTables, type SavedChange, writeChange } from './save-change';
import { toPhotoStorageError } from './storage-errors';

/** A prepared photo: the two files with what the change says of them. */
export interface PreparedPhoto {
  full: PhotoFile & { blob: Blob };
  thumb: PhotoFile & { blob: Blob };
}

export interface AttachPhotoRequest {
  issueId: string;
  /** Client-made UUID of the photo on the issue. */
  photoId: string;
  photo: PreparedPhoto;
  context: MutationContext;
}

const roles: PhotoRole[] = ['thumb', 'full'];

/**
 * Attaches a photo in ONE transaction: the attachPhoto change with its outbox entry, both files
 * as Blobs and their places in the upload queue. A phone that is full keeps nothing of the photo
 * and says so; the issue stays as it was.
 */
export async function savePhoto(db: HelptentDatabase, event: FestivalEvent, request: AttachPhotoRequest): Promise<SavedChange> {
  const { issueId, photoId, photo, context } = request;
  const fileOf = ({ hash, bytes, width, height, type }: PhotoFile): PhotoFile => ({ hash, bytes, width, height, type });
  const args = { issueId, photo: { id: photoId, full: fileOf(photo.full), thumb: fileOf(photo.thumb) } };
  let saved: SavedChange;
  try {
    saved = await withReopenRetry(db, () =>
      db.transaction('rw', [...changeTables(db), db.photoFiles, db.photoUploads], async () => {
        const saved = await writeChange(db, event, { name: 'attachPhoto', args, context });
        for (const role of roles) {
          const file = photo[role];
          // The same picture attached again (same bytes, same hash) is one file: one copy, one upload.
          const held = await db.photoFiles.get(file.hash);
          const uploaded = held?.uploaded ?? false;
          const row: PhotoFileRow = {
            hash: file.hash,
            blob: file.blob,
            type: file.type,
            bytes: file.bytes,
            issueId,
            photoId,
            role,
            uploaded,
            lastUsedAt: context.now,
          };
          await db.photoFiles.put(row);
          if (!uploaded && !(await db.photoUploads.get(file.hash))) {
            const { hash, type, bytes } = file;
            await db.photoUploads.add({ hash, issueId, photoId, role, type, bytes, sent: 0, queuedAt: context.now });
          }
        }
        return saved;
      }),
    );
  } catch (error) {
    throw toPhotoStorageError(error);
  }
  // Room for it within the budget, from copies the server holds; the photo is saved either way.
  await enforcePhotoBudget(db).catch(() => undefined);
  return saved;
}

/**
 * Removes a photo from an issue (the removePhoto change and its outbox entry) and, in the same
 * transaction, its files and uploads on this phone: a removed photo need not reach the server,
 * and a file never uploaded would otherwise be kept for ever (the budget never drops those).
 */
export async function removePhoto(
  db: HelptentDatabase,
  event: FestivalEvent,
  request: { issueId: string; photoId: string; context: MutationContext },
): Promise<SavedChange> {
  const { issueId, photoId, context } = request;
  return withReopenRetry(db, () =>
    db.transaction('rw', [...changeTables(db), db.photoFiles, db.photoUploads], async () => {
      const saved = await writeChange(db, event, { name: 'removePhoto', args: { issueId, photoId }, context });
      await db.photoUploads
        .where('issueId')
        .equals(issueId)
        .and((row) => row.photoId === photoId)
        .delete();
      await db.photoFiles
        .where('issueId')
        .equals(issueId)
        .and((row) => row.photoId === photoId)
        .delete();
      return saved;
    }),
  );
}
