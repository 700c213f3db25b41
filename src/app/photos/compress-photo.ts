import type { PreparedPhoto } from '../../db/save-photo';
import { AppError } from '../../domain/app-error';
import { maxPhotoBytes, maxPhotoEdge, maxThumbBytes, type PhotoType, thumbEdge } from '../../domain/photo';
import { sha256Hex } from '../../sync/content-hash';

/**
 * Turns a decoded picture into the two files a photo is: the picture at most `maxPhotoEdge`
 * pixels on its long side and a `thumbEdge` thumbnail. Both are drawn on a canvas and encoded
 * anew, so nothing of the camera's file survives but its pixels: no EXIF, no GPS position, no
 * camera serial. The orientation is already applied by the decoder (imageOrientation
 * 'from-image', or an <img>), so the pixels stand the way the photo was taken.
 *
 * Runs in the photo worker and, where a browser cannot draw off the main thread, in the page.
 */

/** A canvas that can be drawn on and encoded: OffscreenCanvas, or a page's <canvas>. */
export interface Surface {
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  /** The source for drawing this surface onto another one. */
  image: CanvasImageSource;
  encode(type: PhotoType, quality: number): Promise<Blob>;
}

export type MakeSurface = (width: number, height: number) => Surface;

/** Width and height within `maxEdge` on the long side, proportions kept; never enlarged. */
export function fittedSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Full pictures: JPEG. WebP would be about a quarter smaller, but a phone takes half a second more to encode it. */
const fullQualities = [0.82, 0.7, 0.55, 0.4];
const thumbQualities = [0.72, 0.55, 0.4];

async function encodeWithin(surface: Surface, types: PhotoType[], qualities: number[], maxBytes: number): Promise<Blob> {
  for (const quality of qualities) {
    const encoded = await Promise.all(types.map((type) => surface.encode(type, quality)));
    // A browser that cannot write WebP hands back a PNG: only what was asked for counts.
    const usable = encoded.filter((blob, i) => blob.type === types[i]).sort((a, b) => a.size - b.size);
    const smallest = usable[0];
    if (smallest && smallest.size <= maxBytes) return smallest;
  }
  throw new AppError('invalid', 'This picture could not be made small enough to keep. Try another photo.');
}

function draw(
  makeSurface: MakeSurface,
  image: CanvasImageSource,
  size: { width: number; height: number },
  quality: ImageSmoothingQuality = 'high',
): Surface {
  const surface = makeSurface(size.width, size.height);
  surface.context.imageSmoothingEnabled = true;
  surface.context.imageSmoothingQuality = quality;
  surface.context.drawImage(image, 0, 0, size.width, size.height);
  return surface;
}

/**
 * The picture halved with plain bilinear smoothing while it is at least twice the target: at
 * exactly half, bilinear averages each 2 × 2 block, as good as a box filter, and far cheaper than
 * the high-quality filter over 12 megapixels (a 12 MP photo took a third less time this way).
 * The last step, at most 2:1, is drawn with high quality.
 */
function halvedTowards(
  makeSurface: MakeSurface,
  image: CanvasImageSource,
  size: { width: number; height: number },
  maxEdge: number,
): { image: CanvasImageSource; width: number; height: number } {
  let current = { image, ...size };
  while (Math.max(current.width, current.height) >= 2 * maxEdge) {
    const half = { width: Math.round(current.width / 2), height: Math.round(current.height / 2) };
    current = { image: draw(makeSurface, current.image, half, 'low').image, ...half };
  }
  return current;
}

async function described(blob: Blob, size: { width: number; height: number }) {
  if (typeof crypto === 'undefined' || !crypto.subtle) {
    throw new AppError(
      'invalid',
      'Photos need Helptent opened over HTTPS: this browser only names files safely there. The issue is saved without the photo.',
    );
  }
  return { blob, hash: await sha256Hex(blob), bytes: blob.size, ...size, type: blob.type as PhotoType };
}

export async function compressPhoto(
  image: CanvasImageSource,
  width: number,
  height: number,
  makeSurface: MakeSurface,
): Promise<PreparedPhoto> {
  const fullSize = fittedSize(width, height, maxPhotoEdge);
  const near = halvedTowards(makeSurface, image, { width, height }, Math.max(fullSize.width, fullSize.height));
  const full = draw(makeSurface, near.image, fullSize);
  const thumbSize = fittedSize(fullSize.width, fullSize.height, thumbEdge);
  // The thumbnail is drawn from the full picture: a fifth of the pixels to read, the same look.
  const thumb = draw(makeSurface, full.image, thumbSize);
  const [fullBlob, thumbBlob] = await Promise.all([
    encodeWithin(full, ['image/jpeg'], fullQualities, maxPhotoBytes),
    // A thumbnail is cheap to encode twice: WebP where that is smaller and the browser writes it.
    encodeWithin(thumb, ['image/jpeg', 'image/webp'], thumbQualities, maxThumbBytes),
  ]);
  return { full: await described(fullBlob, fullSize), thumb: await described(thumbBlob, thumbSize) };
}

export function offscreenSurface(width: number, height: number): Surface {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new AppError('invalid', 'This browser cannot draw pictures, so the photo was not added.');
  return { context, image: canvas, encode: (type, quality) => canvas.convertToBlob({ type, quality }) };
}

export const unreadablePicture = (): AppError =>
  new AppError('invalid', 'This picture could not be read, so it was not added. Try another photo, or take it again.');
