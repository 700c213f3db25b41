import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { readIssue } from '../../../src/db/issue-repository';
import { readPhotoViews } from '../../../src/db/photo-repository';
import type { PhotoUploadRow } from '../../../src/db/photo-rows';
import { readUploadsToSend } from '../../../src/db/photo-upload-queue';
import { uploadChunkBytes } from '../../../src/domain/photo-protocol';
import type { Call } from '../../../src/sync/http';
import { createPhotoHttp } from '../../../src/sync/photo-http';
import { uploadPhotoFile } from '../../../src/sync/photo-upload';
import { PhotoUploader } from '../../../src/sync/photo-uploader';
import { pushOutbox } from '../../../src/sync/push-outbox';
import { attach, join, logIssue, makePhoto, pushEverything } from './photo-kit';
import { PhotoServerStandIn } from './photo-server-stand-in';

/** The protocol's chunk: the made-up full pictures are 2.3 of them, so they go in three. */
const chunk = uploadChunkBytes;
let db: HelptentDatabase;
let server: PhotoServerStandIn;
let uploader: PhotoUploader | undefined;
beforeEach(async () => {
  db = new HelptentDatabase(`photo-queue-${Math.random()}`);
  await db.open();
  await join(db);
  server = new PhotoServerStandIn();
});
afterEach(async () => {
  uploader?.stop();
  uploader = undefined;
  await db.delete();
});

function startUploader(): PhotoUploader {
  uploader = new PhotoUploader(db, { fetch: server.fetch, events: false });
  uploader.start();
  return uploader;
}

/** Waits for a condition the uploader reaches by itself (it wakes on database changes). */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const row = async (hash: string): Promise<PhotoUploadRow> => (await db.photoUploads.get(hash))!;
const blobOf = async (hash: string): Promise<Blob> => (await db.photoFiles.get(hash))!.blob;
const http = () => createPhotoHttp({ token: 'device-token', fetch: server.fetch, isOnline: () => true });

describe('the photo upload queue', () => {
  it('waits for the attachPhoto change to be pushed, then sends every thumbnail before any full picture', async () => {
    const issueId = await logIssue(db);
    const first = await makePhoto(1);
    const second = await makePhoto(2);
    await attach(db, issueId, first, '2026-07-10T20:00:00.000Z');
    await attach(db, issueId, second, '2026-07-10T20:01:00.000Z');
    startUploader();
    await uploader!.idle();
    expect(await readUploadsToSend(db)).toEqual([]);
    expect(server.puts).toEqual([]);

    await pushEverything(db);
    await until(async () => (await db.photoUploads.count()) === 0, 'every file is uploaded');
    const order = [...new Set(server.puts.map((put) => put.hash))];
    expect(order).toEqual([first.thumb.hash, second.thumb.hash, first.full.hash, second.full.hash]);
    for (const photo of [first, second]) {
      expect(server.storedTimes.get(photo.full.hash)).toBe(1);
      expect(server.storedTimes.get(photo.thumb.hash)).toBe(1);
    }
    // Chunks of at most the protocol's size: the picture went in three.
    expect(server.puts.filter((put) => put.hash === first.full.hash).map((put) => put.offset)).toEqual([0, chunk, 2 * chunk]);
    expect((await db.photoFiles.toArray()).every((file) => file.uploaded)).toBe(true);
    const issue = (await readIssue(db, issueId))!;
    expect((await readPhotoViews(db, issue)).map((view) => view.state)).toEqual([{ kind: 'on-server' }, { kind: 'on-server' }]);
  });

  it('resumes from the server’s count after a lost signal: no byte is sent twice, the file is stored once', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(3);
    await attach(db, issueId, photo);
    await pushEverything(db);
    const upload = await row(photo.full.hash);
    // The second chunk reaches the server, but its answer never reaches the phone.
    let puts = 0;
    const flaky = (async (input: string | URL | Request, init?: RequestInit) => {
      puts += init?.method === 'PUT' ? 1 : 0;
      if (puts === 2) server.loseAnswers = 1;
      return server.fetch(input, init);
    }) as typeof fetch;
    const lossy = createPhotoHttp({ token: 'device-token', fetch: flaky, isOnline: () => true });
    await expect(uploadPhotoFile(db, lossy, upload, await blobOf(photo.full.hash))).rejects.toMatchObject({ kind: 'offline' });
    expect(server.stateOf(photo.full.hash)).toEqual({ received: 2 * chunk, complete: false });
    // The phone recorded the last count it heard; the server's own count decides where to go on.
    expect((await row(photo.full.hash)).sent).toBe(chunk);

    await uploadPhotoFile(db, http(), await row(photo.full.hash), await blobOf(photo.full.hash));
    expect(server.puts.map((put) => put.offset)).toEqual([0, chunk, 2 * chunk]);
    expect(server.storedTimes.get(photo.full.hash)).toBe(1);
    expect(await db.photoUploads.get(photo.full.hash)).toBeUndefined();
  });

  it('a tab closed in the middle of a file: the next one the phone opens goes on from the server’s count', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(10);
    await attach(db, issueId, photo);
    await pushEverything(db);
    // The first tab gets the thumbnail and one chunk of the picture through, then it is closed.
    let answered = 0;
    const closing = (async (input: string | URL | Request, init?: RequestInit) => {
      if (init?.method === 'PUT' && ++answered > 2) return new Promise<Response>(() => undefined);
      return server.fetch(input, init);
    }) as typeof fetch;
    const first = new PhotoUploader(db, { fetch: closing, events: false });
    first.start();
    await until(() => answered > 2, 'the first tab is sending the second chunk');
    first.stop();

    startUploader();
    await until(async () => (await db.photoUploads.count()) === 0, 'the second tab finished');
    expect(server.puts.filter((put) => put.hash === photo.full.hash).map((put) => put.offset)).toEqual([0, chunk, 2 * chunk]);
    expect(server.storedTimes.get(photo.full.hash)).toBe(1);
  });

  it('after a server restart that lost the part it held, starts the file again from the server’s 0', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(4);
    await attach(db, issueId, photo);
    await pushEverything(db);
    const upload = await row(photo.full.hash);
    // Half the file made it before the server went down (the phone's count says so too).
    await http().putChunk(photo.full.hash, {
      offset: 0,
      total: upload.bytes,
      type: 'image/jpeg',
      bytes: (await blobOf(photo.full.hash)).slice(0, chunk),
    });
    await db.photoUploads.update(photo.full.hash, { sent: chunk });
    server.forgetPartialUploads();

    await uploadPhotoFile(db, http(), await row(photo.full.hash), await blobOf(photo.full.hash));
    expect(server.puts.map((put) => put.offset)).toEqual([0, 0, chunk, 2 * chunk]);
    expect(server.storedTimes.get(photo.full.hash)).toBe(1);
    expect(server.stored.get(photo.full.hash)?.length).toBe(photo.full.bytes);
  });

  it('answers a 409 by going on from the server’s count instead of failing', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(5);
    await attach(db, issueId, photo);
    await pushEverything(db);
    const blob = await blobOf(photo.full.hash);
    // Another tab sent two chunks meanwhile; this one believes the server holds none.
    await http().putChunk(photo.full.hash, { offset: 0, total: blob.size, type: 'image/jpeg', bytes: blob.slice(0, chunk) });
    await http().putChunk(photo.full.hash, {
      offset: chunk,
      total: blob.size,
      type: 'image/jpeg',
      bytes: blob.slice(chunk, 2 * chunk),
    });
    const stale = {
      ...(await createPhotoHttp({ token: 'device-token', fetch: server.fetch }).uploadState(photo.full.hash)),
      received: 0,
    };
    const wrongFirst = { ...http(), uploadState: async () => stale };
    await uploadPhotoFile(db, wrongFirst, await row(photo.full.hash), blob);
    expect(server.puts.map((put) => put.offset)).toEqual([0, chunk, 0, 2 * chunk]);
    expect(server.storedTimes.get(photo.full.hash)).toBe(1);
  });

  it('uploads a file once: a file the server holds already is not sent again, whichever issue names it', async () => {
    const photo = await makePhoto(6);
    await attach(db, await logIssue(db, 'Lost phone'), photo);
    await pushEverything(db);
    startUploader();
    await until(async () => (await db.photoUploads.count()) === 0, 'the first upload is done');
    const putsBefore = server.puts.length;
    // The same bytes attached to another issue: known to be on the server, nothing to queue.
    await attach(db, await logIssue(db, 'Found phone'), photo);
    expect(await db.photoUploads.count()).toBe(0);
    // And a phone that lost its queue's progress asks first: the server says complete, nothing is sent.
    await db.photoFiles.update(photo.full.hash, { uploaded: false });
    await uploadPhotoFile(
      db,
      http(),
      { ...(await db.photoFiles.get(photo.full.hash))!, sent: 0, queuedAt: '' },
      await blobOf(photo.full.hash),
    );
    expect(server.puts.length).toBe(putsBefore);
    expect(server.storedTimes.get(photo.full.hash)).toBe(1);
  });

  it('a file the server refuses is marked with the reason and left, while the others go on', async () => {
    const issueId = await logIssue(db);
    const photo = await makePhoto(7);
    await attach(db, issueId, photo);
    await pushEverything(db);
    server.failWith = 403;
    startUploader();
    await until(async () => (await db.photoUploads.toArray()).every((upload) => upload.problem), 'both files are set aside');
    const issue = (await readIssue(db, issueId))!;
    expect((await readPhotoViews(db, issue))[0]?.state).toEqual({ kind: 'phone-only', problem: 'Not yours.' });
  });

  it('text sync never waits for photos: the push goes through while every photo request hangs', async () => {
    const issueId = await logIssue(db);
    await attach(db, issueId, await makePhoto(8));
    await pushEverything(db);
    await attach(db, issueId, await makePhoto(9));
    server.hang = true;
    startUploader();
    await until(() => server.requests > 0, 'the uploader is at work');

    // The text push: its own requests, its own loop; answered while the photo requests hang.
    const pushed: string[] = [];
    const call = (async (_path: string, _answer: unknown, init: { body?: unknown }) => {
      const mutations = (init.body as { mutations: { mutationId: number; name: string }[] }).mutations;
      pushed.push(...mutations.map((m) => m.name));
      return { lastMutationId: Math.max(...mutations.map((m) => m.mutationId)), refused: [] };
    }) as Call;
    await pushOutbox(db, call, { token: 'device-token', deviceId: 'phone' }, 500, () => new Date());
    expect(pushed).toEqual(['attachPhoto']);
    expect(await db.unsentChanges.count()).toBe(0);
    // The files are still waiting, on this phone only.
    expect(await db.photoUploads.count()).toBe(4);
  });
});
