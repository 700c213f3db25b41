import type { HelptentDatabase } from '../db/database';
import { enforcePhotoBudget } from '../db/photo-budget';
import { readPhotoFile, storeFetchedPhotoFile } from '../db/photo-repository';
import type { PhotoRole } from '../db/photo-rows';
import { readSyncState } from '../db/sync-state';
import { AppError } from '../domain/app-error';
import type { Issue } from '../domain/issue';
import type { PhotoRef } from '../domain/photo';
import { sha256Hex } from './content-hash';
import { createPhotoHttp } from './photo-http';

/** Files on their way, so a screen drawn twice asks the server once. */
const inFlight = new Map<string, Promise<Blob | null>>();

/**
 * Fetches one of a photo's files for this issue (with this device's token) and stores it, unless
 * this phone holds it already. Resolves to the file, or null where this phone has not joined an
 * event. A file whose bytes are not the ones its name promises is refused.
 */
export function fetchPhotoFile(db: HelptentDatabase, issueId: string, photo: PhotoRef, role: PhotoRole): Promise<Blob | null> {
  const file = photo[role];
  const running = inFlight.get(file.hash);
  if (running) return running;
  const fetching = (async () => {
    const held = await readPhotoFile(db, file.hash);
    if (held) return held.blob;
    const state = await readSyncState(db);
    if (!state || state.signedOut) return null;
    const blob = await createPhotoHttp({ token: state.token }).download(file.hash, issueId);
    if ((await sha256Hex(blob)) !== file.hash) {
      throw new AppError('server', 'The picture that arrived is not the one this issue names, so it was not kept.');
    }
    const typed = blob.type === file.type ? blob : new Blob([blob], { type: file.type });
    await storeFetchedPhotoFile(db, {
      hash: file.hash,
      blob: typed,
      type: file.type,
      bytes: typed.size,
      issueId,
      photoId: photo.id,
      role,
      lastUsedAt: new Date().toISOString(),
    });
    await enforcePhotoBudget(db);
    return typed;
  })().finally(() => inFlight.delete(file.hash));
  inFlight.set(file.hash, fetching);
  return fetching;
}

/**
 * Fetches the thumbnails of an issue's photos that this phone lacks, one at a time. Without
 * signal it stops quietly: the issue screen says the thumbnail is not here yet.
 */
export async function fetchMissingThumbnails(db: HelptentDatabase, issue: Issue): Promise<void> {
  for (const photo of issue.photos ?? []) {
    try {
      await fetchPhotoFile(db, issue.id, photo, 'thumb');
    } catch (error) {
      if (error instanceof AppError && error.kind === 'offline') return;
      // Another photo may still come; this one shows as not here.
    }
  }
}
