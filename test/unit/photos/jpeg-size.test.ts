import { describe, expect, it } from 'vitest';
import { jpegCodedSize } from '../../../src/app/photos/jpeg-size';

/** A JPEG's start: SOI, an APP1 block of `app1Length` bytes, then a frame header of the given kind. */
function jpegStart(marker: number, width: number, height: number, app1Length = 300): Uint8Array {
  const app1 = [0xff, 0xe1, app1Length >> 8, app1Length & 0xff, ...new Array(app1Length - 2).fill(0x45)];
  const frame = [0xff, marker, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  return new Uint8Array([0xff, 0xd8, ...app1, ...frame, ...new Array(20).fill(0)]);
}

describe('the size a JPEG says it is, before decoding it', () => {
  it('reads a baseline and a progressive frame header after the EXIF block', () => {
    expect(jpegCodedSize(jpegStart(0xc0, 4032, 3024))).toEqual({ width: 4032, height: 3024 });
    expect(jpegCodedSize(jpegStart(0xc2, 4000, 3000, 60_000))).toEqual({ width: 4000, height: 3000 });
  });

  it('is null for what is no JPEG, or a start cut before the frame header', () => {
    expect(jpegCodedSize(new TextEncoder().encode('RIFF....WEBPVP8 '))).toBeNull();
    expect(jpegCodedSize(jpegStart(0xc0, 4032, 3024).slice(0, 200))).toBeNull();
    // A Huffman table (C4) is not a frame header.
    expect(jpegCodedSize(jpegStart(0xc4, 4032, 3024))).toBeNull();
  });
});
