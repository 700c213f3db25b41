/**
 * The photo worker: decodes, shrinks, re-encodes and hashes a picture off the main thread, so a
 * 12-megapixel photo never freezes the screen. One message in (a File), one out.
 */
import { AppError } from '../../domain/app-error';
import { maxPhotoEdge } from '../../domain/photo';
import { compressPhoto, offscreenSurface, unreadablePicture } from './compress-photo';
import { type DecodedPicture, decodeForEdge } from './decode-photo';
import type { WorkerAnswer, WorkerRequest } from './photo-worker-messages';

async function prepare(file: Blob): Promise<WorkerAnswer> {
  // Safari before 16.4 has no OffscreenCanvas here: the page does the work instead.
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return { kind: 'unsupported' };
  let picture: DecodedPicture;
  try {
    picture = await decodeForEdge(file, maxPhotoEdge);
  } catch {
    return { kind: 'failed', error: unreadablePicture().toData() };
  }
  try {
    return { kind: 'prepared', photo: await compressPhoto(picture.image, picture.width, picture.height, offscreenSurface) };
  } catch (error) {
    const data = error instanceof AppError ? error.toData() : unreadablePicture().toData();
    return { kind: 'failed', error: data };
  } finally {
    // Up to 48 MB of pixels for a 12-megapixel photo: freed now, not at the next collection.
    picture.close();
  }
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void prepare(event.data.file).then((answer) => postMessage({ ...answer, id: event.data.id }));
});
