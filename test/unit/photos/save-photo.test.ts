import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { readIssue } from '../../../src/db/issue-repository';
import { readPhotoViews } from '../../../src/db/photo-repository';
import { removePhoto } from '../../../src/db/save-photo';
import { AppError } from '../../../src/domain/app-error';
import { attach, context, event, logIssue, makePhoto } from './photo-kit';

let db: HelptentDatabase;
beforeEach(async () => {
  db = new HelptentDatabase(`photo-save-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('a photo is saved in one transaction with its change', () => {
  it('writes the photo on the issue, the attachPhoto outbox entry, both files as Blobs and both uploads', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(1);
    const { photoId } = await attach(db, issueId, photo);

    const issue = await readIssue(db, issueId);
    expect(issue?.photos).toEqual([
      expect.objectContaining({ id: photoId, full: expect.objectContaining({ hash: photo.full.hash }) }),
    ]);
    const outbox = await db.unsentChanges.toArray();
    expect(outbox.map((entry) => entry.name)).toEqual(['createIssue', 'attachPhoto']);
    const files = await db.photoFiles.toArray();
    expect(files.map((row) => [row.role, row.uploaded, row.blob instanceof Blob, row.blob.size])).toEqual(
      expect.arrayContaining([
        ['full', false, true, photo.full.bytes],
        ['thumb', false, true, photo.thumb.bytes],
      ]),
    );
    expect((await db.photoUploads.toArray()).map((row) => [row.role, row.sent])).toEqual(
      expect.arrayContaining([
        ['full', 0],
        ['thumb', 0],
      ]),
    );
    expect((await readPhotoViews(db, issue!))[0]?.state).toEqual({ kind: 'phone-only' });
  });

  it('keeps nothing of the photo when the phone is full, says so plainly, and leaves the issue as it was', async () => {
    const issueId = await logIssue(db);
    const before = await readIssue(db, issueId);
    // The thumbnail's Blob is written; the full picture's write finds the disk full.
    const put = db.photoFiles.put.bind(db.photoFiles);
    let writes = 0;
    vi.spyOn(db.photoFiles, 'put').mockImplementation((row, key) => {
      writes += 1;
      if (writes === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never;
      return put(row, key);
    });
    const error = await attach(db, issueId, await makePhoto(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('quota');
    expect((error as AppError).message).toBe('This phone is full: the photo was not kept; the issue is saved.');
    expect(await readIssue(db, issueId)).toEqual(before);
    expect((await db.unsentChanges.toArray()).map((entry) => entry.name)).toEqual(['createIssue']);
    expect(await db.photoFiles.count()).toBe(0);
    expect(await db.photoUploads.count()).toBe(0);
  });

  it('keeps nothing either when the change itself is refused (a voided issue takes no photo)', async () => {
    const issueId = await logIssue(db);
    const { saveChange } = await import('../../../src/db/save-change');
    await saveChange(db, event, {
      name: 'voidIssue',
      args: { issueId, reason: 'Logged twice' },
      context: { ...context(), actor: { id: 'org', name: 'Olu', role: 'organizer' } },
    });
    await expect(attach(db, issueId, await makePhoto(3))).rejects.toMatchObject({ kind: 'invalid' });
    expect(await db.photoFiles.count()).toBe(0);
    expect(await db.photoUploads.count()).toBe(0);
  });

  it('the same picture attached to two issues is one file and one upload', async () => {
    const photo = await makePhoto(4);
    await attach(db, await logIssue(db, 'Lost phone'), photo);
    await attach(db, await logIssue(db, 'Found phone'), photo);
    expect(await db.photoFiles.count()).toBe(2);
    expect(await db.photoUploads.count()).toBe(2);
  });

  it('removing a photo removes its files and uploads with the change', async () => {
    const issueId = await logIssue(db);
    const kept = await attach(db, issueId, await makePhoto(5));
    const removed = await attach(db, issueId, await makePhoto(6));
    await removePhoto(db, event, { issueId, photoId: removed.photoId, context: context() });
    expect((await readIssue(db, issueId))?.photos?.map((photo) => photo.id)).toEqual([kept.photoId]);
    expect(new Set((await db.photoFiles.toArray()).map((row) => row.photoId))).toEqual(new Set([kept.photoId]));
    expect(new Set((await db.photoUploads.toArray()).map((row) => row.photoId))).toEqual(new Set([kept.photoId]));
  });
});
