/**
 * Photos on issues. A photo is two files (the compressed picture and a small thumbnail), each
 * named by the SHA-256 of its bytes: the name is the key on the phone, in the upload queue and
 * on the server, so a photo sent twice (a resumed upload, a retried request) is stored once.
 * The issue holds only these references; the bytes travel by their own upload queue.
 */
import type { PersonRef } from './person-ref';

export const photoTypes = ['image/jpeg', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

export interface PhotoFile {
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  hash: string;
  bytes: number;
  width: number;
  height: number;
  type: PhotoType;
}

export interface PhotoRef {
  /** Client-made UUID of the photo on this issue. */
  id: string;
  /** The picture as shown full screen: at most `maxPhotoEdge` pixels on its long side. */
  full: PhotoFile;
  /** A small picture for lists and the issue screen. */
  thumb: PhotoFile;
  at: string;
  by: PersonRef;
}

export const hashPattern = /^[0-9a-f]{64}$/;
/** Long side of a stored photo: enough to read a label or a serial number, a few hundred KB. */
export const maxPhotoEdge = 1600;
export const thumbEdge = 320;
/** Largest file the server takes: a compressed photo is far smaller; this bounds a hostile phone. */
export const maxPhotoBytes = 4 * 1024 * 1024;
export const maxThumbBytes = 256 * 1024;
export const maxPhotosPerIssue = 12;

/** Every file hash an issue refers to (full pictures and thumbnails). */
export function photoHashesOf(issue: { photos?: PhotoRef[] | undefined }): string[] {
  return (issue.photos ?? []).flatMap((photo) => [photo.full.hash, photo.thumb.hash]);
}
