import type { HelptentDatabase } from '../db/database';

/**
 * The page's door to the photo upload queue. Like the sync engine it loads after the first
 * screen is up; from then on it sends, by itself, every photo file the server does not hold yet.
 */
export function startPhotoUploads(db: HelptentDatabase): void {
  void import('../sync/photo-uploader').then(({ PhotoUploader }) => new PhotoUploader(db).start());
}
