import type { PreparedPhoto } from '../../db/save-photo';
import { AppError } from '../../domain/app-error';
import type { PhotoType } from '../../domain/photo';
import { t } from '../i18n/messages';
import { compressPhoto, offscreenSurface, type Surface, unreadablePicture } from './compress-photo';
import { decodeUpright } from './decode-photo';

/**
 * The photo prepared on the main thread, for browsers that cannot draw in a worker (Safari before
 * 16.4). Slower and the screen may pause, but the photo is kept the same way.
 */

function pageSurface(width: number, height: number): Surface {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new AppError('invalid', t('This browser cannot draw pictures, so the photo was not added.'));
  const encode = (type: PhotoType, quality: number) =>
    new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(unreadablePicture())), type, quality),
    );
  return { context, image: canvas, encode };
}

/** An <img> turns the picture upright by its EXIF orientation in every current browser. */
async function decodeWithImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function preparePhotoInPage(file: Blob): Promise<PreparedPhoto> {
  const surface = typeof OffscreenCanvas === 'undefined' ? pageSurface : offscreenSurface;
  if (typeof createImageBitmap !== 'undefined') {
    try {
      const bitmap = await decodeUpright(file);
      try {
        return await compressPhoto(bitmap, bitmap.width, bitmap.height, surface);
      } finally {
        bitmap.close();
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // Fall through to an <img>: some browsers decode there what createImageBitmap refuses.
    }
  }
  let image: HTMLImageElement;
  try {
    image = await decodeWithImage(file);
  } catch {
    throw unreadablePicture();
  }
  return compressPhoto(image, image.naturalWidth, image.naturalHeight, surface);
}
