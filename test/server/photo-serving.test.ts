import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { photoPath } from '../../src/domain/photo-protocol';
import { backends } from './helpers';
import { jpegOfSize, tinyWebp } from './photo-fixtures';
import {
  fetchPhoto,
  issueWithPhoto,
  type PhotoTestServer,
  photoBackends,
  photoFile,
  startPhotoServer,
  startS3,
  type TestS3,
  uploadWhole,
} from './photo-helpers';
import { deviceHeaders, joinAs, mutation, push, setUpEvent } from './sync-helpers';

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

describe.each(photoBackends(backends))('serving photos ($backend with the $store store)', ({ backend }) => {
  /** Sam logs a found backpack with a photo and its thumbnail, and the phone uploads both. */
  async function loggedWithPhoto() {
    server = await startPhotoServer(backend, sharedS3);
    const { app } = server;
    await setUpEvent(app);
    const sam = await joinAs(app, 'staff', 'Sam');
    const full = photoFile(jpegOfSize(600_000, `backpack-${backend}`));
    const thumb = photoFile(tinyWebp, 'image/webp');
    const { issueId, photoId } = await issueWithPhoto(app, sam, full, thumb);
    await uploadWhole(app, sam, full);
    await uploadWhole(app, sam, thumb);
    return { app, sam, full, thumb, issueId, photoId };
  }

  it(
    "another phone of the event fetches the issue's photo and thumbnail, cached for good, and 304 when it has them",
    async () => {
      const { app, full, thumb, issueId } = await loggedWithPhoto();
      const kim = await joinAs(app, 'staff', 'Kim');
      const answer = await fetchPhoto(app, kim, full.hash, issueId);
      expect(answer.statusCode).toBe(200);
      expect(answer.rawPayload).toEqual(full.bytes);
      expect(answer.headers['content-type']).toBe('image/jpeg');
      expect(answer.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(answer.headers.etag).toBe(`"${full.hash}"`);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const small = await fetchPhoto(app, kim, thumb.hash, issueId);
      expect(small.headers['content-type']).toBe('image/webp');
      expect(small.rawPayload).toEqual(thumb.bytes);
      const again = await fetchPhoto(app, kim, full.hash, issueId, { 'if-none-match': `"${full.hash}"` });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(`"${full.hash}"`);
    },
    heavy,
  );

  it(
    "a device of another event gets 404 for the event's photo, as for a photo that does not exist",
    async () => {
      const { app, full, issueId } = await loggedWithPhoto();
      await setUpEvent(app, 'other-festival');
      const stranger = await joinAs(app, 'organizer', 'Stranger', 'other-festival');
      const answer = await fetchPhoto(app, stranger, full.hash, issueId);
      expect(answer.statusCode).toBe(404);
      const made = await fetchPhoto(app, stranger, 'a'.repeat(64), issueId);
      expect(made.statusCode).toBe(404);
      expect(answer.json()).toEqual(made.json());
      expect(answer.headers['cache-control']).toBeUndefined();
    },
    heavy,
  );

  it(
    'a photo is served only through an issue that shows it: another issue, a removed photo, an unknown issue are 404',
    async () => {
      const { app, sam, full, thumb, issueId, photoId } = await loggedWithPhoto();
      const other = await issueWithPhoto(app, sam, photoFile(jpegOfSize(1_000, 'x')), thumb);
      expect((await fetchPhoto(app, sam, full.hash, other.issueId)).statusCode).toBe(404);
      expect((await fetchPhoto(app, sam, full.hash, 'no-such-issue')).statusCode).toBe(404);
      expect((await push(app, sam, [mutation(sam, 'removePhoto', { issueId, photoId })])).statusCode).toBe(200);
      expect((await fetchPhoto(app, sam, full.hash, issueId)).statusCode).toBe(404);
      // The thumbnail is still shown by the other issue.
      expect((await fetchPhoto(app, sam, thumb.hash, other.issueId)).statusCode).toBe(200);
    },
    heavy,
  );

  it(
    'a photo the issue shows but that has not arrived yet is 404 with a sentence saying so',
    async () => {
      server = await startPhotoServer(backend, sharedS3);
      await setUpEvent(server.app);
      const sam = await joinAs(server.app, 'staff', 'Sam');
      const full = photoFile(jpegOfSize(2_000, 'late'));
      const { issueId } = await issueWithPhoto(server.app, sam, full, photoFile(tinyWebp, 'image/webp'));
      const answer = await fetchPhoto(server.app, sam, full.hash, issueId);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.message).toMatch(/not reached the server yet/);
    },
    heavy,
  );

  it(
    'without a device token, with a bad hash or without the issue, a fetch is refused',
    async () => {
      const { app, sam, full, issueId } = await loggedWithPhoto();
      expect((await app.inject({ method: 'GET', url: photoPath(full.hash, issueId) })).statusCode).toBe(401);
      expect((await fetchPhoto(app, sam, '../../etc/passwd', issueId)).statusCode).toBe(404);
      expect((await fetchPhoto(app, sam, full.hash.toUpperCase(), issueId)).statusCode).toBe(400);
      const noIssue = await app.inject({ method: 'GET', url: `/api/photos/${full.hash}`, headers: deviceHeaders(sam) });
      expect(noIssue.statusCode).toBe(400);
      expect(noIssue.json().error.message).toMatch(/issue/);
    },
    heavy,
  );
});

describe.each(backends)('photos of restricted cases on %s', (backend) => {
  it(
    'go to the person who logged the case and coordinators; other staff get 404',
    async () => {
      server = await startPhotoServer(backend, sharedS3);
      const { app } = server;
      await setUpEvent(app);
      const sam = await joinAs(app, 'staff', 'Sam');
      const full = photoFile(jpegOfSize(20_000, `wound-${backend}`));
      const thumb = photoFile(tinyWebp, 'image/webp');
      const { issueId } = await issueWithPhoto(app, sam, full, thumb, 'festival', 'medical-welfare');
      await uploadWhole(app, sam, full);
      const kim = await joinAs(app, 'staff', 'Kim');
      const alex = await joinAs(app, 'coordinator', 'Alex');
      expect((await fetchPhoto(app, sam, full.hash, issueId)).statusCode).toBe(200);
      expect((await fetchPhoto(app, alex, full.hash, issueId)).statusCode).toBe(200);
      expect((await fetchPhoto(app, kim, full.hash, issueId)).statusCode).toBe(404);
    },
    heavy,
  );
});
