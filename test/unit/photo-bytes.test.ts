import { describe, expect, it } from 'vitest';
import { isPhotoOfType, photoTypeOfHead } from '../../src/domain/photo-bytes';
import { tinyJpeg, tinyWebp } from '../server/photo-fixtures';

describe('what a file says it is', () => {
  it('knows JPEG and WebP by their first bytes, and nothing else', () => {
    expect(photoTypeOfHead(tinyJpeg.subarray(0, 12))).toBe('image/jpeg');
    expect(photoTypeOfHead(tinyWebp.subarray(0, 12))).toBe('image/webp');
    expect(photoTypeOfHead(Buffer.from('GIF89a......'))).toBeNull();
    expect(photoTypeOfHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13]))).toBeNull();
    expect(photoTypeOfHead(Buffer.from('RIFF....WAVE'))).toBeNull();
    expect(photoTypeOfHead(new Uint8Array())).toBeNull();
  });

  it('takes a whole WebP only when its RIFF header says the file is that long', () => {
    expect(isPhotoOfType(tinyWebp, 'image/webp')).toBe(true);
    expect(isPhotoOfType(Buffer.concat([tinyWebp, Buffer.from('<script>')]), 'image/webp')).toBe(false);
    expect(isPhotoOfType(tinyWebp.subarray(0, 100), 'image/webp')).toBe(false);
    expect(isPhotoOfType(tinyJpeg, 'image/jpeg')).toBe(true);
    expect(isPhotoOfType(tinyJpeg, 'image/webp')).toBe(false);
  });
});
