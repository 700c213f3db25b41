import type { Issue } from '../domain/issue';
import type { PhotoRef } from '../domain/photo';
import type { HelptentDatabase } from './database';
import type { PhotoFileRow, PhotoUploadRow } from './photo-rows';

/** Where a photo is, as the issue screen says it. */
export type PhotoSyncState =
  | { kind: 'phone-only'; problem?: string }
  | { kind: 'uploading'; percent: number }
  | { kind: 'on-server' };

export interface PhotoView {
  photo: PhotoRef;
  /** The thumbnail when this phone holds it. */
  thumb: Blob | null;
  hasFull: boolean;
  state: PhotoSyncState;
}

function stateOf(photo: PhotoRef, files: (PhotoFileRow | undefined)[], uploads: (PhotoUploadRow | undefined)[]): PhotoSyncState {
  const waiting = uploads.filter((row) => row !== undefined);
  if (waiting.length === 0) {
    // Taken here but neither on the server nor queued (a phone that never joined keeps it so).
    return files.some((row) => row && !row.uploaded) ? { kind: 'phone-only' } : { kind: 'on-server' };
  }
  const problem = waiting.find((row) => row.problem)?.problem;
  if (problem) return { kind: 'phone-only', problem };
  const total = photo.thumb.bytes + photo.full.bytes;
  const [thumbUpload, fullUpload] = uploads;
  const done = (thumbUpload ? thumbUpload.sent : photo.thumb.bytes) + (fullUpload ? fullUpload.sent : photo.full.bytes);
  if (done === 0) return { kind: 'phone-only' };
  return { kind: 'uploading', percent: Math.min(99, Math.floor((done * 100) / total)) };
}

/** Each photo of the issue with its thumbnail (when here) and where it is: the issue screen follows this. */
export async function readPhotoViews(db: HelptentDatabase, issue: Issue): Promise<PhotoView[]> {
  const photos = issue.photos ?? [];
  const hashes = photos.flatMap((photo) => [photo.thumb.hash, photo.full.hash]);
  const [files, uploads] = await Promise.all([db.photoFiles.bulkGet(hashes), db.photoUploads.bulkGet(hashes)]);
  return photos.map((photo, i) => {
    const pair = [files[2 * i], files[2 * i + 1]];
    return {
      photo,
      thumb: pair[0]?.blob ?? null,
      hasFull: pair[1] !== undefined,
      state: stateOf(photo, pair, [uploads[2 * i], uploads[2 * i + 1]]),
    };
  });
}

export function readPhotoFile(db: HelptentDatabase, hash: string): Promise<PhotoFileRow | undefined> {
  return db.photoFiles.get(hash);
}

/** The photo was looked at: the storage budget drops it later than photos nobody opened. */
export async function touchPhotoFile(db: HelptentDatabase, hash: string, now: string): Promise<void> {
  await db.photoFiles.update(hash, { lastUsedAt: now });
}

/** A file fetched from the server. One this phone already holds is kept as it is. */
export async function storeFetchedPhotoFile(db: HelptentDatabase, row: Omit<PhotoFileRow, 'uploaded'>): Promise<void> {
  await db.transaction('rw', db.photoFiles, async () => {
    if (!(await db.photoFiles.get(row.hash))) await db.photoFiles.add({ ...row, uploaded: true });
  });
}
