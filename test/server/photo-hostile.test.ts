import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { maxPhotoBytes } from '../../src/domain/photo';
import { photoUploadPath, uploadChunkBytes } from '../../src/domain/photo-protocol';
import { dropStaleUploads, staleUploadMs } from '../../src/server/photos/photo-cleaning';
import { unfinishedUploadLimits } from '../../src/server/photos/photo-uploads';
import { backends } from './helpers';
import { jpegOfSize, tinyJpeg, tinyWebp } from './photo-fixtures';
import {
  type PhotoTestServer,
  photoBackends,
  photoFile,
  putChunk,
  startPhotoServer,
  startS3,
  type TestS3,
  uploadState,
} from './photo-helpers';
import { deviceHeaders, joinAs, setUpEvent } from './sync-helpers';

let s3: TestS3 | undefined;
const sharedS3 = async () => {
  s3 ??= await startS3();
  return s3;
};
let server: PhotoTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await s3?.close();
});

const heavy = 30_000;

describe.each(photoBackends(backends))('what one phone can send as photos ($backend with the $store store)', ({ backend }) => {
  async function setUp() {
    server = await startPhotoServer(backend, sharedS3);
    await setUpEvent(server.app);
    return { app: server.app, sam: await joinAs(server.app, 'staff', 'Sam') };
  }

  /** Nothing of a refused upload is kept: no chunk, no upload, no photo, no file. */
  async function expectNothingKept(app: PhotoTestServer['app'], hash: string) {
    for (const table of ['photo_uploads', 'photo_upload_chunks', 'photos'] as const) {
      expect(await app.storage.db.selectFrom(table).select('hash').execute()).toEqual([]);
    }
    expect(await app.photoStore!.has(hash)).toBe(false);
  }

  it(
    'a chunk over 512 KB is refused with 413 and a sentence, and the server goes on',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(uploadChunkBytes + 10, 'big'));
      const answer = await putChunk(app, sam, photo, 0, photo.bytes.length);
      expect(answer.statusCode).toBe(413);
      expect(answer.json().error).toEqual({ kind: 'invalid', message: expect.stringMatching(/at most 512 KB/) });
      await expectNothingKept(app, photo.hash);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    },
    heavy,
  );

  it(
    'a file said to be over 4 MB, a chunk past its end, an empty chunk or a negative offset is refused with 400',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(10_000, 'small'));
      const huge = await putChunk(app, sam, photo, 0, 10_000, maxPhotoBytes + 1);
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.message).toMatch(/total/);
      const past = await putChunk(app, sam, photo, 0, 10_000, 5_000);
      expect(past.statusCode).toBe(400);
      expect(past.json().error.message).toMatch(/past the file/);
      expect((await putChunk(app, sam, photo, 0, 0)).statusCode).toBe(400);
      const negative = await app.inject({
        method: 'PUT',
        url: `${photoUploadPath(photo.hash)}?offset=-1&total=10000&type=image/jpeg`,
        headers: { ...deviceHeaders(sam), 'content-type': 'application/octet-stream' },
        payload: photo.bytes.subarray(0, 100),
      });
      expect(negative.statusCode).toBe(400);
      const png = await app.inject({
        method: 'PUT',
        url: `${photoUploadPath(photo.hash)}?offset=0&total=10000&type=image/png`,
        headers: { ...deviceHeaders(sam), 'content-type': 'application/octet-stream' },
        payload: photo.bytes,
      });
      expect(png.statusCode).toBe(400);
      expect(png.json().error.message).toMatch(/type/);
      await expectNothingKept(app, photo.hash);
    },
    heavy,
  );

  it(
    'bytes that are not the picture type they claim are refused at the first chunk',
    async () => {
      const { app, sam } = await setUp();
      const html = photoFile(Buffer.from('<html><script>alert(1)</script></html>'.repeat(50)));
      const notJpeg = await putChunk(app, sam, html, 0);
      expect(notJpeg.statusCode).toBe(400);
      expect(notJpeg.json().error.message).toMatch(/not a JPEG picture/);
      const webpAsJpeg = await putChunk(app, sam, photoFile(tinyWebp, 'image/jpeg'), 0);
      expect(webpAsJpeg.statusCode).toBe(400);
      expect(webpAsJpeg.json().error.message).toMatch(/WebP picture, not JPEG/);
      // A JPEG start glued to something else passes the first look but not the whole-file check for WebP.
      const fakeWebp = Buffer.concat([tinyWebp.subarray(0, 12), tinyJpeg]);
      const truncated = await putChunk(app, sam, photoFile(fakeWebp, 'image/webp'), 0);
      expect(truncated.statusCode).toBe(422);
      await expectNothingKept(app, html.hash);
    },
    heavy,
  );

  it(
    'a hash that is not a SHA-256 in lowercase hex is refused with 400',
    async () => {
      const { app, sam } = await setUp();
      for (const hash of ['abc', 'G'.repeat(64), 'A'.repeat(64), `${'a'.repeat(64)}0`, '%2e%2e%2f%2e%2e%2fetc']) {
        const answer = await putChunk(app, sam, { hash, bytes: tinyJpeg, type: 'image/jpeg' }, 0);
        expect(answer.statusCode, hash).toBe(400);
        expect(answer.json().error.message).toMatch(/SHA-256/);
        expect((await uploadState(app, sam, hash)).statusCode).toBe(400);
      }
    },
    heavy,
  );

  it(
    'a chunk sent as JSON or without a device token is refused, and uploads of one phone are its own',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(600_000, 'mine'));
      const json = await app.inject({
        method: 'PUT',
        url: `${photoUploadPath(photo.hash)}?offset=0&total=300000&type=image/jpeg`,
        headers: deviceHeaders(sam),
        payload: { bytes: 'not really' },
      });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.message).toMatch(/octet-stream/);
      const anonymous = await app.inject({
        method: 'PUT',
        url: `${photoUploadPath(photo.hash)}?offset=0&total=300000&type=image/jpeg`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: photo.bytes.subarray(0, 1000),
      });
      expect(anonymous.statusCode).toBe(401);
      // A Blob sent by fetch as it is says image/jpeg: the same bytes, taken the same.
      const blob = photoFile(jpegOfSize(2_000, 'as a blob'));
      const asBlob = await app.inject({
        method: 'PUT',
        url: `${photoUploadPath(blob.hash)}?offset=0&total=2000&type=image/jpeg`,
        headers: { ...deviceHeaders(sam), 'content-type': 'image/jpeg' },
        payload: blob.bytes,
      });
      expect(asBlob.json()).toEqual({ received: 2_000, complete: true });
      // Another phone of the event can neither see nor continue (nor spoil) Sam's upload.
      await putChunk(app, sam, photo, 0);
      const mallory = await joinAs(app, 'staff', 'Mallory');
      expect((await uploadState(app, mallory, photo.hash)).json()).toEqual({ received: 0, complete: false });
      expect((await putChunk(app, mallory, photo, uploadChunkBytes)).statusCode).toBe(409);
      expect((await putChunk(app, sam, photo, uploadChunkBytes)).json()).toEqual({ received: 600_000, complete: true });
    },
    heavy,
  );

  it(
    'a phone that starts many uploads and finishes none is stopped at the limit with 429; they are dropped after a day',
    async () => {
      const { app, sam } = await setUp();
      for (let i = 0; i < unfinishedUploadLimits.count; i += 1) {
        const photo = photoFile(jpegOfSize(uploadChunkBytes + 1000, `abandoned-${i}`));
        expect((await putChunk(app, sam, photo, 0)).statusCode).toBe(200);
      }
      const one = photoFile(jpegOfSize(uploadChunkBytes + 1000, 'one too many'));
      const refused = await putChunk(app, sam, one, 0);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/unfinished/) });
      // A whole photo in one chunk holds nothing unfinished: it is still taken.
      expect((await putChunk(app, sam, photoFile(tinyWebp, 'image/webp'), 0)).json().complete).toBe(true);
      // Another phone is not held back by Sam's.
      const kim = await joinAs(app, 'staff', 'Kim');
      expect((await putChunk(app, kim, one, 0)).statusCode).toBe(200);

      expect(await dropStaleUploads(app.storage, new Date(Date.now() + staleUploadMs / 2))).toBe(0);
      expect(await dropStaleUploads(app.storage, new Date(Date.now() + staleUploadMs + 60_000))).toBe(
        unfinishedUploadLimits.count + 1,
      );
      expect(await app.storage.db.selectFrom('photo_upload_chunks').select('hash').execute()).toEqual([]);
      expect((await putChunk(app, sam, one, 0)).statusCode).toBe(200);
    },
    heavy,
  );

  it(
    'declaring huge files fills the byte limit before the count limit',
    async () => {
      const { app, sam } = await setUp();
      const perFile = maxPhotoBytes;
      const fit = Math.floor(unfinishedUploadLimits.bytes / perFile);
      for (let i = 0; i < fit; i += 1) {
        const photo = photoFile(jpegOfSize(perFile, `huge-${i}`));
        expect((await putChunk(app, sam, photo, 0)).statusCode).toBe(200);
      }
      const next = photoFile(jpegOfSize(perFile, 'huge-next'));
      expect((await putChunk(app, sam, next, 0)).statusCode).toBe(429);
    },
    heavy,
  );
});
