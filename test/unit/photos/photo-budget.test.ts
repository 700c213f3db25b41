import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import {
  defaultPhotoBudgetBytes,
  enforcePhotoBudget,
  filesToDrop,
  readPhotoBudget,
  readPhotoStorageUse,
  savePhotoBudget,
} from '../../../src/db/photo-budget';
import type { PhotoFileRow, PhotoRole } from '../../../src/db/photo-rows';

function row(hash: string, role: PhotoRole, uploaded: boolean, lastUsedAt: string, bytes = 100): PhotoFileRow {
  return { hash, blob: new Blob(['x']), type: 'image/jpeg', bytes, issueId: 'i', photoId: hash, role, uploaded, lastUsedAt };
}

const hashes = (rows: PhotoFileRow[]) => rows.map((r) => r.hash);

describe('over the photo budget, the phone drops copies the server holds, in order', () => {
  const rows = [
    row('thumb-old', 'thumb', true, '2026-07-10T08:00:00Z'),
    row('full-new', 'full', true, '2026-07-10T12:00:00Z'),
    row('full-unsent', 'full', false, '2026-07-10T07:00:00Z'),
    row('full-old', 'full', true, '2026-07-10T09:00:00Z'),
    row('thumb-unsent', 'thumb', false, '2026-07-10T06:00:00Z'),
    row('thumb-new', 'thumb', true, '2026-07-10T13:00:00Z'),
  ];

  it('drops nothing within the budget', () => {
    expect(filesToDrop(rows, 600)).toEqual([]);
  });

  it('drops synced full pictures first, least recently viewed first, and only as many as needed', () => {
    expect(hashes(filesToDrop(rows, 500))).toEqual(['full-old']);
    expect(hashes(filesToDrop(rows, 400))).toEqual(['full-old', 'full-new']);
  });

  it('then synced thumbnails, least recently viewed first', () => {
    expect(hashes(filesToDrop(rows, 300))).toEqual(['full-old', 'full-new', 'thumb-old']);
  });

  it('never a file the server does not hold, even when that leaves the phone over its budget', () => {
    expect(hashes(filesToDrop(rows, 0))).toEqual(['full-old', 'full-new', 'thumb-old', 'thumb-new']);
  });
});

describe('the budget on the phone', () => {
  let db: HelptentDatabase;
  beforeEach(async () => {
    db = new HelptentDatabase(`photo-budget-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('is 200 MB until changed; a smaller one drops at once what no longer fits', async () => {
    expect(await readPhotoBudget(db)).toBe(defaultPhotoBudgetBytes);
    await db.photoFiles.bulkPut([
      row('a', 'full', true, '2026-07-10T08:00:00Z', 40_000_000),
      row('b', 'full', true, '2026-07-10T09:00:00Z', 40_000_000),
      row('c', 'full', false, '2026-07-10T07:00:00Z', 40_000_000),
    ]);
    expect(await enforcePhotoBudget(db)).toEqual([]);
    await savePhotoBudget(db, 50_000_000);
    expect(hashes(await db.photoFiles.toArray()).sort()).toEqual(['c']);
    expect(await readPhotoStorageUse(db)).toEqual({
      bytes: 40_000_000,
      files: 1,
      waitingBytes: 40_000_000,
      waitingFiles: 1,
      budgetBytes: 50_000_000,
    });
  });
});
