import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPhotoStore } from '../../src/server/photos/open-photo-store';
import {
  cleanPhotos,
  deletePhotosOfEvent,
  deleteUnreferencedPhotos,
  staleUploadMs,
} from '../../src/server/photos/photo-cleaning';
import type { PhotoStoreConfig } from '../../src/server/photos/photo-config';
import type { PhotoStore } from '../../src/server/photos/photo-store';
import { backends, startTestServer, type TestServer } from './helpers';
import { jpegOfSize, sha256, tinyJpeg, tinyWebp } from './photo-fixtures';
import { fetchPhoto, issueWithPhoto, photoFile, putChunk, startS3, type TestS3, uploadWhole } from './photo-helpers';
import { joinAs, mutation, push, setUpEvent } from './sync-helpers';

let s3: TestS3 | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await s3?.close();
});

const heavy = 30_000;
const ignore = () => {};

async function storeOf(kind: 'disk' | 's3'): Promise<{ store: PhotoStore; config: PhotoStoreConfig }> {
  let config: PhotoStoreConfig;
  if (kind === 'disk') {
    const dir = mkdtempSync(join(tmpdir(), 'helptent-photos-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    config = { kind: 'disk', dir: join(dir, 'photos') };
  } else {
    s3 ??= await startS3();
    config = s3.config();
  }
  const store = await openPhotoStore(config, ignore);
  cleanups.push(() => store.close());
  return { store, config };
}

// The same story for every store: what the upload routes and the deletion helpers rely on.
describe.each(['disk', 's3'] as const)('the %s photo store', (kind) => {
  it(
    'keeps bytes under their hash, once, and forgets them when asked',
    async () => {
      const { store } = await storeOf(kind);
      const bytes = jpegOfSize(600_000, `store-${kind}`);
      const hash = sha256(bytes);
      expect(await store.has(hash)).toBe(false);
      expect(await store.get(hash)).toBeNull();
      await store.put(hash, bytes, 'image/jpeg');
      await store.put(hash, bytes, 'image/jpeg');
      expect(await store.has(hash)).toBe(true);
      expect(Buffer.from((await store.get(hash))!)).toEqual(bytes);
      await store.delete(hash);
      await store.delete(hash);
      expect(await store.has(hash)).toBe(false);
      expect(await store.get(hash)).toBeNull();
    },
    heavy,
  );

  it('refuses anything but a hash as a name, so no path or key is made of what a phone sent', async () => {
    const { store } = await storeOf(kind);
    for (const name of ['../../etc/passwd', '', 'A'.repeat(64)]) {
      await expect(store.put(name, tinyJpeg, 'image/jpeg')).rejects.toThrow(/not a photo hash/);
      await expect(store.get(name)).rejects.toThrow(/not a photo hash/);
    }
  });
});

describe('the disk photo store', () => {
  it('writes files only the server user can read, in folders only it can open, and leaves no temporary files', async () => {
    const { store, config } = await storeOf('disk');
    const dir = (config as { dir: string }).dir;
    const hash = sha256(tinyWebp);
    await store.put(hash, tinyWebp, 'image/webp');
    const folder = join(dir, hash.slice(0, 2));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, hash)).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual([hash]);
  });
});

describe('S3 configuration', () => {
  it('a bucket that does not exist stops the start with a sentence naming the variable', async () => {
    s3 ??= await startS3();
    const config = { ...s3.config(), bucket: 'no-such-bucket' };
    await expect(openPhotoStore(config, ignore)).rejects.toThrow(/does not exist.*HELPTENT_S3_BUCKET/);
  });

  it('credentials the service refuses stop the start with a sentence', async () => {
    s3 ??= await startS3();
    // s3rver checks the key id, not the signature.
    const config = { ...s3.config(), credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' } };
    await expect(openPhotoStore(config, ignore)).rejects.toThrow(/HELPTENT_S3_ACCESS_KEY_ID/);
  });

  it(
    'a service that does not answer yet is a warning: the server starts and photos wait',
    async () => {
      const warnings: string[] = [];
      const config: PhotoStoreConfig = {
        kind: 's3',
        bucket: 'helptent-photos',
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:9',
        credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
        forcePathStyle: true,
        prefix: '',
      };
      const store = await openPhotoStore(config, (warning) => warnings.push(warning));
      await store.close();
      expect(warnings).toEqual([expect.stringMatching(/does not answer yet/)]);
    },
    heavy,
  );
});

describe.each(backends)('photo storage not set up (%s)', (backend) => {
  it(
    'uploads are answered 503 with what to set, and text still syncs',
    async () => {
      const server: TestServer = await startTestServer({ backend, photos: null });
      cleanups.push(() => server.close());
      await setUpEvent(server.app);
      const sam = await joinAs(server.app, 'staff', 'Sam');
      const answer = await putChunk(server.app, sam, photoFile(tinyJpeg), 0);
      expect(answer.statusCode).toBe(503);
      expect(answer.json().error).toMatchObject({
        kind: 'storage-unavailable',
        message: expect.stringMatching(/HELPTENT_S3_BUCKET/),
      });
      const pushed = await push(server.app, sam, [
        mutation(sam, 'createIssue', { id: crypto.randomUUID(), eventId: 'festival', category: 'other', summary: 'Lost keys' }),
      ]);
      expect(pushed.statusCode).toBe(200);
    },
    heavy,
  );
});

describe.each(backends)('deleting photos (%s with the disk store)', (backend) => {
  it(
    "an event's photos go with it, and a removed photo goes once it is old, but not a file another event holds",
    async () => {
      const server = await startTestServer({ backend, photos: (await storeOf('disk')).config });
      cleanups.push(() => server.close());
      const { app } = server;
      const store = app.photoStore!;
      await setUpEvent(app);
      await setUpEvent(app, 'other-festival');
      const sam = await joinAs(app, 'staff', 'Sam');
      const stranger = await joinAs(app, 'staff', 'Stranger', 'other-festival');
      const shown = photoFile(jpegOfSize(1_000, 'shown'));
      const removed = photoFile(jpegOfSize(1_000, 'removed'));
      const shared = photoFile(tinyWebp, 'image/webp');
      const { issueId, photoId } = await issueWithPhoto(app, sam, removed, shared);
      await issueWithPhoto(app, sam, shown, shared);
      for (const file of [shown, removed, shared]) await uploadWhole(app, sam, file);
      await uploadWhole(app, stranger, shared);
      await push(app, sam, [mutation(sam, 'removePhoto', { issueId, photoId })]);

      expect(await deleteUnreferencedPhotos(app.storage, store, 'festival', new Date(Date.now() - 60_000))).toBe(0);
      expect(await deleteUnreferencedPhotos(app.storage, store, 'festival', new Date(Date.now() + 60_000))).toBe(1);
      expect(await store.has(removed.hash)).toBe(false);
      expect(await store.has(shown.hash)).toBe(true);

      await putChunk(app, sam, photoFile(jpegOfSize(800_000, 'half')), 0);
      expect(await deletePhotosOfEvent(app.storage, store, 'festival')).toBe(2);
      expect(await store.has(shown.hash)).toBe(false);
      // The other festival still holds the shared file, and serves it.
      expect(await store.has(shared.hash)).toBe(true);
      expect(await app.storage.db.selectFrom('photo_uploads').select('hash').execute()).toEqual([]);
      expect(await app.storage.db.selectFrom('photos').select(['event_id', 'hash']).execute()).toEqual([
        { event_id: 'other-festival', hash: shared.hash },
      ]);
      const theirs = await issueWithPhoto(app, stranger, photoFile(tinyJpeg), shared, 'other-festival');
      expect((await fetchPhoto(app, stranger, shared.hash, theirs.issueId)).statusCode).toBe(200);
    },
    heavy,
  );

  it(
    'the hourly clean deletes the file of a photo taken off its issue once a day has passed, and keeps the ones shown',
    async () => {
      const server = await startTestServer({ backend, photos: (await storeOf('disk')).config });
      cleanups.push(() => server.close());
      const { app } = server;
      const store = app.photoStore!;
      await setUpEvent(app);
      const sam = await joinAs(app, 'staff', 'Sam');
      const kept = [photoFile(jpegOfSize(1_000, 'kept')), photoFile(jpegOfSize(1_000, 'kept thumb'))] as const;
      const removed = [photoFile(jpegOfSize(1_000, 'taken off')), photoFile(jpegOfSize(1_000, 'taken off thumb'))] as const;
      await issueWithPhoto(app, sam, ...kept);
      const { issueId, photoId } = await issueWithPhoto(app, sam, ...removed);
      for (const file of [...kept, ...removed]) await uploadWhole(app, sam, file);
      await push(app, sam, [mutation(sam, 'removePhoto', { issueId, photoId })]);

      // Its attaching change may still be on its way from another phone: not yet.
      expect(await cleanPhotos(app.storage, store, new Date())).toEqual({ staleUploads: 0, unreferenced: 0 });
      expect(await store.has(removed[0].hash)).toBe(true);
      const dayLater = new Date(Date.now() + staleUploadMs + 60_000);
      expect(await cleanPhotos(app.storage, store, dayLater)).toEqual({ staleUploads: 0, unreferenced: 2 });
      for (const file of removed) expect(await store.has(file.hash)).toBe(false);
      for (const file of kept) expect(await store.has(file.hash)).toBe(true);
    },
    heavy,
  );
});
