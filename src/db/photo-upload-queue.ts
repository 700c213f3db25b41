import { liveQuery } from 'dexie';
import type { HelptentDatabase } from './database';
import type { PhotoUploadRow } from './photo-rows';
import type { UnsentChange } from './rows';

/** The attachPhoto change of this photo, among outbox or refused entries. */
function isAttachOf(entry: UnsentChange, row: PhotoUploadRow): boolean {
  return entry.name === 'attachPhoto' && (entry.args as { photo?: { id?: unknown } } | null)?.photo?.id === row.photoId;
}

/**
 * The files the upload queue may send now, in order: every thumbnail before any full picture
 * (a coordinator sees what the photo is about soonest), then oldest first. A file waits until
 * its attachPhoto change has left the outbox, so the server already knows which issue names it;
 * text sync goes first and never waits for a photo. Files the server would not take are left
 * until the app starts again.
 */
export async function readUploadsToSend(db: HelptentDatabase): Promise<PhotoUploadRow[]> {
  const rows = (await db.photoUploads.toArray()).filter((row) => row.problem === undefined);
  if (rows.length === 0) return [];
  const issueIds = [...new Set(rows.map((row) => row.issueId))];
  const pending = await db.unsentChanges.where('issueId').anyOf(issueIds).toArray();
  const rank = (row: PhotoUploadRow) => (row.role === 'thumb' ? 0 : 1);
  return rows
    .filter((row) => !pending.some((entry) => isAttachOf(entry, row)))
    .sort((a, b) => rank(a) - rank(b) || (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0));
}

/**
 * Uploads whose attachPhoto change the server refused: no issue on the server names them, so
 * they can never be sent. They stay on this phone, marked with the refusal.
 */
export async function setAsideRefusedUploads(db: HelptentDatabase): Promise<void> {
  await db.transaction('rw', [db.photoUploads, db.refusedChanges, db.unsentChanges], async () => {
    for (const row of await db.photoUploads.toArray()) {
      if (row.problem !== undefined) continue;
      const refused = await db.refusedChanges
        .where('issueId')
        .equals(row.issueId)
        .filter((entry) => isAttachOf(entry, row))
        .first();
      if (refused) await db.photoUploads.update(row.hash, { problem: `The server refused the photo: ${refused.message}` });
    }
  });
}

export async function recordUploadProgress(db: HelptentDatabase, hash: string, sent: number): Promise<void> {
  await db.photoUploads.update(hash, { sent });
}

/**
 * Photos whose files all reached the server since the queue was last empty: with the photos still
 * waiting, the "3 of 7" the phone shows. Kept beside the queue and ended with it.
 */
const uploadRunKey = 'photoUploadRun';
interface UploadRun {
  done: number;
}

/** The server holds the whole file: it leaves the queue, and the budget may drop it from now on. */
export async function completeUpload(db: HelptentDatabase, hash: string): Promise<void> {
  await db.transaction('rw', [db.photoUploads, db.photoFiles, db.meta], async () => {
    const row = await db.photoUploads.get(hash);
    await db.photoUploads.delete(hash);
    await db.photoFiles.update(hash, { uploaded: true });
    const left = await db.photoUploads.toArray();
    if (photosUploading(left).size === 0) await db.meta.delete(uploadRunKey);
    else if (row && !left.some((other) => other.photoId === row.photoId)) {
      const run = (await db.meta.get(uploadRunKey))?.value as UploadRun | undefined;
      await db.meta.put({ key: uploadRunKey, value: { done: (run?.done ?? 0) + 1 } satisfies UploadRun });
    }
  });
}

/** Photos with files in the queue, but none the server would not take (those wait for a new start). */
function photosUploading(rows: PhotoUploadRow[]): Set<string> {
  const held = new Set(rows.filter((row) => row.problem !== undefined).map((row) => row.photoId));
  return new Set(rows.map((row) => row.photoId).filter((photoId) => !held.has(photoId)));
}

/** Photos uploading: how many of this run are on the server, of how many; null when none wait. */
export async function readPhotoUploadProgress(db: HelptentDatabase): Promise<{ done: number; total: number } | null> {
  const waiting = photosUploading(await db.photoUploads.toArray());
  if (waiting.size === 0) return null;
  const done = ((await db.meta.get(uploadRunKey))?.value as UploadRun | undefined)?.done ?? 0;
  return { done, total: done + waiting.size };
}

export async function markUploadProblem(db: HelptentDatabase, hash: string, problem: string): Promise<void> {
  await db.photoUploads.update(hash, { problem });
}

/** A new start tries again what the server would not take before (it may have been fixed since). */
export async function clearUploadProblems(db: HelptentDatabase): Promise<void> {
  await db.photoUploads.toCollection().modify((row) => {
    delete row.problem;
  });
}

export function countPhotoUploads(db: HelptentDatabase): Promise<number> {
  return db.photoUploads.count();
}

/**
 * Calls `onReady` whenever the set of files ready to send changes and is not empty: a photo was
 * saved, or a push took the attachPhoto change a file waited for. Returns the unsubscribe.
 */
export function followUploadsToSend(db: HelptentDatabase, onReady: () => void): () => void {
  let last = '';
  const subscription = liveQuery(async () => (await readUploadsToSend(db)).map((row) => row.hash).join(',')).subscribe({
    next: (ready) => {
      if (ready !== '' && ready !== last) onReady();
      last = ready;
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
