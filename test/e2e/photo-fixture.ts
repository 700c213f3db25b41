import type { Page } from '@playwright/test';

/**
 * Photos as a phone camera writes them: a 12-megapixel JPEG of a few MB, with an EXIF block that
 * holds a GPS position, the camera's name and an orientation. Drawn in the browser (canvas), the
 * EXIF block built here byte by byte.
 */

/** Text in the EXIF block that must never survive on a stored photo. */
export const cameraName = 'HelptentCam 12MP';
/** 52°22'12" N, 4°53'24" E. */
const latitude = [52, 22, 12];
const longitude = [4, 53, 24];

/**
 * A 4000 × 3000 picture with shapes, gradients and grain (so it compresses like a photo, not like
 * a flat drawing), encoded as JPEG by the browser. Different seeds make different pictures.
 */
/**
 * Runs in the page. Plain source text, not a function: tsx (the bench runner) would wrap its
 * inner helpers in a __name() the page lacks.
 */
const drawInPage = `async ({ seed, width, height, grainAlpha }) => {
  let x = seed * 9301 + 49297;
  const random = () => {
    x = (x * 9301 + 49297) % 233280;
    return x / 233280;
  };
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  const sky = g.createLinearGradient(0, 0, width, height);
  sky.addColorStop(0, 'hsl(' + ((seed * 67) % 360) + ' 60% 55%)');
  sky.addColorStop(1, 'hsl(' + ((seed * 67 + 140) % 360) + ' 50% 35%)');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height);
  for (let i = 0; i < 250; i += 1) {
    g.fillStyle = 'hsl(' + Math.floor(random() * 360) + ' 55% ' + (25 + Math.floor(random() * 50)) + '%)';
    g.beginPath();
    g.arc(random() * width, random() * height, 20 + random() * 300, 0, Math.PI * 2);
    g.fill();
  }
  const grain = new ImageData(512, 512);
  for (let i = 0; i < grain.data.length; i += 4) {
    const v = random() * 255;
    grain.data.set([v, (v * 7) % 255, (v * 13) % 255, grainAlpha], i);
  }
  const tile = new OffscreenCanvas(512, 512);
  tile.getContext('2d').putImageData(grain, 0, 0);
  // Coarse grain (3 px) and fine grain: detail that survives the phone's shrinking, as a photo's does.
  const coarse = g.createPattern(tile, 'repeat');
  coarse.setTransform(new DOMMatrix().scale(3));
  g.fillStyle = coarse;
  g.fillRect(0, 0, width, height);
  g.fillStyle = g.createPattern(tile, 'repeat');
  g.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}`;

/**
 * A 4000 × 3000 picture with shapes, gradients and grain (so it compresses like a photo, not like
 * a flat drawing), encoded as JPEG by the browser. Different seeds make different pictures.
 */
export async function drawCameraJpeg(
  page: Page,
  seed: number,
  options: { width?: number; height?: number; grainAlpha?: number } = {},
): Promise<Buffer> {
  const { width = 4000, height = 3000, grainAlpha = 40 } = options;
  const base64 = await page.evaluate<string>(`(${drawInPage})(${JSON.stringify({ seed, width, height, grainAlpha })})`);
  return Buffer.from(base64, 'base64');
}

/** An EXIF (APP1) segment: orientation, the camera's name and a GPS position, big-endian TIFF. */
function exifSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(164);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: (b: Buffer, at: number) => void) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    value(tiff, at + 8);
  };
  const ascii = 2;
  const short = 3;
  const long = 4;
  const rational = 5;
  // IFD0 at 8: Make (its text at 50), Orientation, the GPS IFD's place (62).
  tiff.writeUInt16BE(3, 8);
  entry(10, 0x010f, ascii, cameraName.length + 1, (b, at) => b.writeUInt32BE(50, at));
  entry(22, 0x0112, short, 1, (b, at) => b.writeUInt16BE(orientation, at));
  entry(34, 0x8825, long, 1, (b, at) => b.writeUInt32BE(62, at));
  tiff.writeUInt32BE(0, 46);
  tiff.write(`${cameraName}\0`, 50, 'latin1');
  // GPS IFD at 62: N, latitude (at 116), E, longitude (at 140).
  tiff.writeUInt16BE(4, 62);
  entry(64, 0x0001, ascii, 2, (b, at) => b.write('N\0', at, 'latin1'));
  entry(76, 0x0002, rational, 3, (b, at) => b.writeUInt32BE(116, at));
  entry(88, 0x0003, ascii, 2, (b, at) => b.write('E\0', at, 'latin1'));
  entry(100, 0x0004, rational, 3, (b, at) => b.writeUInt32BE(140, at));
  tiff.writeUInt32BE(0, 112);
  [...latitude, ...longitude].forEach((value, i) => {
    const at = 116 + i * 8;
    tiff.writeUInt32BE(value, at);
    tiff.writeUInt32BE(1, at + 4);
  });
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/**
 * The JPEG with an EXIF block right after its start marker, as cameras write it. Orientation 6
 * means "turn 90° clockwise to view": a 4000 × 3000 picture is shown 3000 wide, 4000 high.
 */
export function withCameraExif(jpeg: Buffer, orientation = 6): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(orientation), jpeg.subarray(2)]);
}

/** A camera photo ready for a file input. */
/**
 * A camera photo ready for a file input. `detailed`: a picture full of fine detail (gravel, a
 * crowd), whose stored copy is bigger than one upload chunk.
 */
export async function cameraPhoto(page: Page, seed: number, options: { detailed?: boolean } = {}) {
  const buffer = withCameraExif(await drawCameraJpeg(page, seed, { grainAlpha: options.detailed ? 160 : 40 }));
  return { name: `IMG_${1000 + seed}.jpg`, mimeType: 'image/jpeg', buffer };
}

export interface StoredPhotoFile {
  role: string;
  type: string;
  bytes: number;
  width: number;
  height: number;
  uploaded: boolean;
  /** An APP1 segment (where EXIF lives) is in the file. */
  hasApp1: boolean;
  /** "Exif", the camera's name or the GPS reference letters' block anywhere in the bytes. */
  hasExifText: boolean;
  hasCameraName: boolean;
}

/** What the phone's IndexedDB holds as photo files, each looked at byte by byte in the page. */
export function readStoredPhotoFiles(page: Page): Promise<StoredPhotoFile[]> {
  return page.evaluate(
    (name) =>
      new Promise<StoredPhotoFile[]>((resolve, reject) => {
        const opening = indexedDB.open('helptent');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const all = db.transaction('photoFiles').objectStore('photoFiles').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = async () => {
            db.close();
            const rows = all.result as { role: string; type: string; uploaded: boolean; blob: Blob }[];
            const files: StoredPhotoFile[] = [];
            for (const row of rows) {
              const bytes = new Uint8Array(await row.blob.arrayBuffer());
              const text = new TextDecoder('latin1').decode(bytes);
              let hasApp1 = false;
              // Walk the JPEG's segments up to the image data.
              for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; ) {
                const marker = bytes[at + 1]!;
                if (marker === 0xe1) hasApp1 = true;
                if (marker === 0xda) break;
                at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
              }
              const bitmap = await createImageBitmap(row.blob);
              files.push({
                role: row.role,
                type: row.blob.type,
                bytes: bytes.length,
                width: bitmap.width,
                height: bitmap.height,
                uploaded: row.uploaded,
                hasApp1,
                hasExifText: text.includes('Exif\0'),
                hasCameraName: text.includes(name),
              });
              bitmap.close();
            }
            resolve(files);
          };
        };
      }),
    cameraName,
  );
}
