import { jpegCodedSize } from './jpeg-size';

/** A decoded picture, upright, ready to be drawn. */
export interface DecodedPicture {
  image: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** Where a camera file's frame header is: after the EXIF block, whose preview picture can be tens of KB. */
const headerBytes = 512 * 1024;

/**
 * A JPEG decoded straight to a half, a quarter or an eighth of its size, the most it can be shrunk
 * while still at least `maxEdge` on its long side. JPEG decoders do this inside the DCT, so a
 * 12-megapixel photo decodes to 3 megapixels in about two thirds of the time, and there is a
 * quarter as much to shrink afterwards. WebCodecs' ImageDecoder does it where the browser has it
 * (Chromium); its frames carry the EXIF orientation, which drawing applies. Null where that is not
 * so, or the file is no JPEG: the caller decodes it whole.
 */
async function decodeScaledJpeg(file: Blob, maxEdge: number): Promise<DecodedPicture | null> {
  if (typeof ImageDecoder === 'undefined' || typeof VideoFrame === 'undefined') return null;
  // Without a frame's rotation the picture would be drawn sideways: only where frames know it.
  if (!('rotation' in VideoFrame.prototype)) return null;
  const size = jpegCodedSize(new Uint8Array(await file.slice(0, headerBytes).arrayBuffer()));
  if (!size) return null;
  let scale = 1;
  while (scale < 8 && Math.max(size.width, size.height) / (scale * 2) >= maxEdge) scale *= 2;
  if (scale === 1) return null;
  let decoder: ImageDecoder | undefined;
  try {
    if (!(await ImageDecoder.isTypeSupported('image/jpeg'))) return null;
    decoder = new ImageDecoder({
      data: file.stream(),
      type: 'image/jpeg',
      desiredWidth: Math.ceil(size.width / scale),
      desiredHeight: Math.ceil(size.height / scale),
    });
    const { image } = await decoder.decode();
    return { image, width: image.displayWidth, height: image.displayHeight, close: () => image.close() };
  } catch {
    return null;
  } finally {
    decoder?.close();
  }
}

/** The file's pixels, turned upright. Browsers that do not know imageOrientation get the plain call. */
export async function decodeUpright(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return createImageBitmap(file);
  }
}

/** The picture upright, decoded as small as it may be for a photo `maxEdge` pixels long. */
export async function decodeForEdge(file: Blob, maxEdge: number): Promise<DecodedPicture> {
  const scaled = await decodeScaledJpeg(file, maxEdge);
  if (scaled) return scaled;
  const bitmap = await decodeUpright(file);
  return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}
