import { AppError } from '../../domain/app-error';
import { maxPhotosPerIssue } from '../../domain/photo';
import { contextOf, newId } from '../changes';
import { tn } from '../i18n/messages';
import type { Session } from '../session';
import { requestSync } from '../sync-bridge';
import { photoStoredMeasure } from './photo-measure';
import { preparePhoto } from './prepare-photo';

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
        ? tn(
            maxPhotosPerIssue,
            'This issue holds {count} photo, the most one issue keeps.',
            'This issue holds {count} photos, the most one issue keeps.',
          )
        : tn(
            room,
            'This issue has room for {count} more photo (at most {max}). Pick fewer.',
            'This issue has room for {count} more photos (at most {max}). Pick fewer.',
            { max: maxPhotosPerIssue },
          ),
    );
  }
  const { savePhoto } = await import('../../db/save-photo');
  let saved = 0;
  for (const file of files) {
    const photo = await preparePhoto(file);
    await savePhoto(session.db, session.event, { issueId, photoId: newId(), photo, context: contextOf(session) });
    saved += 1;
    performance.measure(photoStoredMeasure, { start: options.startedAt, end: performance.now() });
    options.onProgress({ saved, total: files.length });
    requestSync();
  }
  return saved;
}
