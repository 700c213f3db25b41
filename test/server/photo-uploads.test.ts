import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { uploadChunkBytes } from '../../src/domain/photo-protocol';
import { backends } from './helpers';
import { jpegOfSize, tinyWebp } from './photo-fixtures';
import {
  buildInstance,
  type PhotoTestServer,
  photoBackends,
  photoFile,
  putChunk,
  startPhotoServer,
  startS3,
  type TestS3,
  uploadState,
  uploadWhole,
} from './photo-helpers';
import { joinAs, setUpEvent } from './sync-helpers';

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

const heavy = 90_000;

describe.each(photoBackends(backends))('photo uploads ($backend with the $store store)', ({ backend }) => {
  async function setUp() {
    server = await startPhotoServer(backend, sharedS3);
    await setUpEvent(server.app);
    return { app: server.app, sam: await joinAs(server.app, 'staff', 'Sam') };
  }

  it(
    'a 1.2 MB photo arrives in three chunks and is stored once, checked against its hash',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(1_200_000, 'backpack'));
      expect((await uploadState(app, sam, photo.hash)).json()).toEqual({ received: 0, complete: false });
      const first = await putChunk(app, sam, photo, 0);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ received: uploadChunkBytes, complete: false });
      expect((await uploadState(app, sam, photo.hash)).json()).toEqual({ received: uploadChunkBytes, complete: false });
      expect((await putChunk(app, sam, photo, uploadChunkBytes)).json()).toEqual({
        received: 2 * uploadChunkBytes,
        complete: false,
      });
      expect(await app.photoStore!.has(photo.hash)).toBe(false);
      const last = await putChunk(app, sam, photo, 2 * uploadChunkBytes);
      expect(last.json()).toEqual({ received: 1_200_000, complete: true });
      expect(Buffer.from((await app.photoStore!.get(photo.hash))!)).toEqual(photo.bytes);
      expect((await uploadState(app, sam, photo.hash)).json()).toEqual({ received: 1_200_000, complete: true });
      // The chunks are gone from the database once the file is stored.
      expect(await app.storage.db.selectFrom('photo_upload_chunks').selectAll().execute()).toEqual([]);
      expect(await app.storage.db.selectFrom('photo_uploads').selectAll().execute()).toEqual([]);
      const rows = await app.storage.db.selectFrom('photos').select(['event_id', 'hash', 'bytes', 'type', 'device_id']).execute();
      expect(rows).toEqual([{ event_id: 'festival', hash: photo.hash, bytes: 1_200_000, type: 'image/jpeg', device_id: sam.id }]);
    },
    heavy,
  );

  it(
    'a chunk sent again or ahead of what the server holds is answered 409 with where to resume',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(800_000, 'tent-peg'));
      const ahead = await putChunk(app, sam, photo, uploadChunkBytes);
      expect(ahead.statusCode).toBe(409);
      expect(ahead.json()).toMatchObject({ received: 0, complete: false, error: { kind: 'invalid-transition' } });
      await putChunk(app, sam, photo, 0);
      // The answer to the first chunk was lost; the phone sends it again.
      const again = await putChunk(app, sam, photo, 0);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ received: uploadChunkBytes, complete: false });
      expect((await putChunk(app, sam, photo, again.json().received)).json()).toEqual({ received: 800_000, complete: true });
    },
    heavy,
  );

  it(
    'an upload goes on where it stopped after the server is killed and started again on the same database',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(1_400_000, 'wristband'));
      await putChunk(app, sam, photo, 0);
      await putChunk(app, sam, photo, uploadChunkBytes);
      await app.close();
      const restarted = await buildInstance(server!);
      try {
        const state = (await uploadState(restarted, sam, photo.hash)).json();
        expect(state).toEqual({ received: 2 * uploadChunkBytes, complete: false });
        expect((await putChunk(restarted, sam, photo, state.received)).json()).toEqual({ received: 1_400_000, complete: true });
        expect(Buffer.from((await restarted.photoStore!.get(photo.hash))!)).toEqual(photo.bytes);
      } finally {
        await restarted.close();
      }
    },
    heavy,
  );

  it(
    'chunks of one upload may reach different server instances',
    async () => {
      const { app, sam } = await setUp();
      const other = await buildInstance(server!);
      try {
        const photo = photoFile(jpegOfSize(600_000, 'lanyard'));
        await putChunk(app, sam, photo, 0);
        expect((await putChunk(other, sam, photo, uploadChunkBytes)).json()).toEqual({ received: 600_000, complete: true });
        expect((await uploadState(app, sam, photo.hash)).json()).toEqual({ received: 600_000, complete: true });
        expect(Buffer.from((await app.photoStore!.get(photo.hash))!)).toEqual(photo.bytes);
      } finally {
        await other.close();
      }
    },
    heavy,
  );

  it(
    'a file whose bytes are not its hash is refused with 422 and nothing of it is kept',
    async () => {
      const { app, sam } = await setUp();
      const photo = photoFile(jpegOfSize(600_000, 'sunglasses'));
      const forged = { ...photo, bytes: jpegOfSize(600_000, 'something else') };
      await putChunk(app, sam, forged, 0);
      const last = await putChunk(app, sam, forged, uploadChunkBytes);
      expect(last.statusCode).toBe(422);
      expect(last.json()).toMatchObject({ received: 0, complete: false, error: { kind: 'invalid' } });
      expect(last.json().error.message).toMatch(/SHA-256/);
      expect(await app.photoStore!.has(photo.hash)).toBe(false);
      expect(await app.storage.db.selectFrom('photo_upload_chunks').selectAll().execute()).toEqual([]);
      expect(await app.storage.db.selectFrom('photos').selectAll().execute()).toEqual([]);
      expect((await uploadState(app, sam, photo.hash)).json()).toEqual({ received: 0, complete: false });
      // The right bytes afterwards are taken.
      expect(await uploadWhole(app, sam, photo)).toEqual({ received: 600_000, complete: true });
    },
    heavy,
  );

  it(
    'a photo uploaded twice is stored once, and the second upload is complete at its first chunk',
    async () => {
      const { app, sam } = await setUp();
      const kim = await joinAs(app, 'coordinator', 'Kim');
      const photo = photoFile(jpegOfSize(600_000, 'bicycle-lock'));
      await uploadWhole(app, sam, photo);
      for (const device of [sam, kim]) {
        const again = await putChunk(app, device, photo, 0);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({ received: 600_000, complete: true });
      }
      expect(await app.storage.db.selectFrom('photos').select('hash').execute()).toEqual([{ hash: photo.hash }]);
      expect(await app.storage.db.selectFrom('photo_uploads').selectAll().execute()).toEqual([]);
    },
    heavy,
  );

  it(
    'a thumbnail fits in one request, and WebP is taken as well as JPEG',
    async () => {
      const { app, sam } = await setUp();
      const thumb = photoFile(tinyWebp, 'image/webp');
      const answer = await putChunk(app, sam, thumb, 0);
      expect(answer.json()).toEqual({ received: tinyWebp.length, complete: true });
      expect(await app.storage.db.selectFrom('photo_upload_chunks').selectAll().execute()).toEqual([]);
    },
    heavy,
  );

  it(
    'a file another event holds is uploaded in full by this event before it counts as complete here',
    async () => {
      const { app, sam } = await setUp();
      await setUpEvent(app, 'other-festival');
      const stranger = await joinAs(app, 'organizer', 'Stranger', 'other-festival');
      const photo = photoFile(jpegOfSize(600_000, 'shared'));
      await uploadWhole(app, sam, photo);
      // Another event learns nothing from the hash: it starts at 0 and must send the bytes.
      expect((await uploadState(app, stranger, photo.hash)).json()).toEqual({ received: 0, complete: false });
      expect((await putChunk(app, stranger, photo, 0)).json()).toEqual({ received: uploadChunkBytes, complete: false });
      expect((await putChunk(app, stranger, photo, uploadChunkBytes)).json()).toEqual({ received: 600_000, complete: true });
    },
    heavy,
  );
});
