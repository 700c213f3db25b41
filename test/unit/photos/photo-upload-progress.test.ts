import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { completeUpload, markUploadProblem, readPhotoUploadProgress } from '../../../src/db/photo-upload-queue';
import { attach, join, logIssue, makePhoto } from './photo-kit';

let db: HelptentDatabase;
beforeEach(async () => {
  db = new HelptentDatabase(`photo-progress-${Math.random()}`);
  await db.open();
  await join(db);
});
afterEach(async () => {
  await db.delete();
});

describe('the photo upload queue says how far it is, in photos', () => {
  it('counts a photo once both its files are on the server, and is gone once the queue is empty', async () => {
    const issueId = await logIssue(db);
    const photos = [await makePhoto(1), await makePhoto(2), await makePhoto(3)];
    for (const photo of photos) await attach(db, issueId, photo);
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 0, total: 3 });

    await completeUpload(db, photos[0]!.thumb.hash);
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 0, total: 3 });
    await completeUpload(db, photos[0]!.full.hash);
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 1, total: 3 });
    await completeUpload(db, photos[1]!.thumb.hash);
    await completeUpload(db, photos[1]!.full.hash);
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 2, total: 3 });

    // A photo taken meanwhile joins the run.
    const late = await makePhoto(4);
    await attach(db, issueId, late);
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 2, total: 4 });

    for (const photo of [photos[2]!, late]) {
      await completeUpload(db, photo.thumb.hash);
      await completeUpload(db, photo.full.hash);
    }
    expect(await readPhotoUploadProgress(db)).toBeNull();
    // The next photo starts a new count.
    await attach(db, issueId, await makePhoto(5));
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 0, total: 1 });
  });

  it('a photo the server would not take is not counted as uploading', async () => {
    const issueId = await logIssue(db);
    const [kept, refused] = [await makePhoto(1), await makePhoto(2)];
    await attach(db, issueId, kept);
    await attach(db, issueId, refused);
    await markUploadProblem(db, refused.full.hash, 'The server refused the photo');
    expect(await readPhotoUploadProgress(db)).toEqual({ done: 0, total: 1 });
    await completeUpload(db, kept.thumb.hash);
    await completeUpload(db, kept.full.hash);
    expect(await readPhotoUploadProgress(db)).toBeNull();
  });
});
