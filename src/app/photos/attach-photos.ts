import { AppError } from '../../domain/app-error';
import { maxPhotosPerIssue } from '../../domain/photo';
import { contextOf, newId } from '../changes';
import type { Session } from '../session';
import { requestSync } from '../sync-bridge';
import { createPhotoPreparer } from './prepare-photo';

/** Named in the Performance timeline: the browser bench reads how long each photo took. */
export const photoStoredMeasure = 'helptent:photo-stored';

export interface AttachProgress {
  /** Photos saved so far. */
  saved: number;
  total: number;
}

/**
 * Prepares each picked picture (in the photo worker) and saves it with its attachPhoto change,
 * one after the other. Each saved photo is kept even when a later one fails. The text change
 * goes out with the next sync at once; the files follow by the photo upload queue.
 */
export async function attachPhotos(
  session: Session,
  issueId: string,
  files: Blob[],
  options: { startedAt: number; alreadyOnIssue: number; onProgress: (progress: AttachProgress) => void },
): Promise<number> {
  const room = maxPhotosPerIssue - options.alreadyOnIssue;
  if (files.length > room) {
    throw new AppError(
      'invalid',
      room <= 0
        ? `This issue already holds ${maxPhotosPerIssue} photos, the most one issue keeps.`
        : `This issue has room for ${room} more ${room === 1 ? 'photo' : 'photos'} (at most ${maxPhotosPerIssue}). Pick fewer.`,
    );
  }
  const { savePhoto } = await import('../../db/save-photo');
  const preparer = createPhotoPreparer();
  let saved = 0;
  try {
    for (const file of files) {
      const photo = await preparer.prepare(file);
      await savePhoto(session.db, session.event, { issueId, photoId: newId(), photo, context: contextOf(session) });
      saved += 1;
      performance.measure(photoStoredMeasure, { start: options.startedAt, end: performance.now() });
      options.onProgress({ saved, total: files.length });
      requestSync();
    }
  } finally {
    preparer.close();
  }
  return saved;
}
