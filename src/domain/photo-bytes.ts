import type { PhotoType } from './photo';

/** Bytes of a file's start that tell its kind: WebP names itself at bytes 8–11. */
export const photoHeadBytes = 12;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/**
 * The kind of picture the first bytes of a file say it is (JPEG: FF D8 FF; WebP: "RIFF", size,
 * "WEBP"), or null. The server believes the bytes, not the type a phone claims, so a file served
 * as image/jpeg is one.
 */
export function photoTypeOfHead(head: Uint8Array): PhotoType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= photoHeadBytes && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Whether a whole file is the kind of picture it claims: its head, and for WebP the length its
 * RIFF header declares (a container that says it is shorter than the file carries something else).
 */
export function isPhotoOfType(bytes: Uint8Array, type: PhotoType): boolean {
  if (photoTypeOfHead(bytes.subarray(0, photoHeadBytes)) !== type) return false;
  if (type !== 'image/webp') return true;
  const riffSize = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16)) + bytes[7]! * 2 ** 24;
  return riffSize + 8 === bytes.length;
}
