import { createCipheriv, createHash } from 'node:crypto';

/**
 * Real pictures, 8×6 pixels, encoded by Chromium's canvas (toDataURL) as the phone's compressor
 * makes them: a JPEG and a WebP.
 */
export const tinyJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAeEAABAgcBAAAAAAAAAAAAAAAAEzEBBBESFSNRUv/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAGREAAQUAAAAAAAAAAAAAAAAAAQADERJx/9oADAMBAAIRAxEAPwCJCYyCyujxdHlGZwAFuma4FSMiLaV//9k=',
  'base64',
);
export const tinyWebp = Buffer.from(
  'UklGRkICAABXRUJQVlA4WAoAAAAgAAAABwAABQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggVAAAAJACAJ0BKggABgACgEIlsAJ0ugDJAP0AtQAEUBkAAP7CkKSo2NQgN9+q2ckKrVMTTEzKd5LGxSVC43PYDhilnZ2BputN9f/wQnWWyPT+5fAt5fMAAA==',
  'base64',
);

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes that differ for every seed: AES-256 in counter mode, keyed by the seed's SHA-256. */
function noise(length: number, seed: string): Buffer {
  const key = createHash('sha256').update(seed).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
}

/**
 * A valid JPEG of exactly `size` bytes, different for every seed: the tiny JPEG with comment
 * segments (FF FE, at most 65,533 bytes of text each) after its start marker, which decoders skip.
 * What a 300 KB photo weighs, without shipping one.
 */
export function jpegOfSize(size: number, seed: string): Buffer {
  let extra = size - tinyJpeg.length;
  if (extra < 0 || (extra > 0 && extra < 4)) throw new Error(`no JPEG of ${size} bytes from this one`);
  const segments: Buffer[] = [];
  let index = 0;
  while (extra > 0) {
    let length = Math.min(extra, 65_537);
    // Never leave less than a segment's 4 bytes of marker and length for the next one.
    if (extra - length > 0 && extra - length < 4) length -= 4;
    const header = Buffer.from([0xff, 0xfe, (length - 2) >> 8, (length - 2) & 0xff]);
    segments.push(header, noise(length - 4, `${seed}:${index}`));
    extra -= length;
    index += 1;
  }
  return Buffer.concat([tinyJpeg.subarray(0, 2), ...segments, tinyJpeg.subarray(2)]);
}
