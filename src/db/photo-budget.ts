import type { HelptentDatabase } from './database';
import type { PhotoFileRow } from './photo-rows';

/**
 * How much of the phone photos may take. Decimal megabytes, as phones show storage in their
 * settings. 200 MB holds about 500 photos at their stored size, a long festival for one phone.
 */
export const defaultPhotoBudgetBytes = 200_000_000;
export const photoBudgetChoices = [50_000_000, 100_000_000, 200_000_000, 500_000_000, 1_000_000_000] as const;

const budgetKey = 'photoBudget';

export async function readPhotoBudget(db: HelptentDatabase): Promise<number> {
  const value = (await db.meta.get(budgetKey))?.value;
  return typeof value === 'number' && value > 0 ? value : defaultPhotoBudgetBytes;
}

/** Sets the budget and drops at once what no longer fits (only files the server holds). */
export async function savePhotoBudget(db: HelptentDatabase, bytes: number): Promise<void> {
  await db.meta.put({ key: budgetKey, value: bytes });
  await enforcePhotoBudget(db);
}

export interface PhotoStorageUse {
  bytes: number;
  files: number;
  /** Files the server does not hold yet: kept whatever the budget. */
  waitingBytes: number;
  waitingFiles: number;
  budgetBytes: number;
}

export async function readPhotoStorageUse(db: HelptentDatabase): Promise<PhotoStorageUse> {
  const [rows, budgetBytes] = await Promise.all([db.photoFiles.toArray(), readPhotoBudget(db)]);
  const waiting = rows.filter((row) => !row.uploaded);
  const sum = (list: PhotoFileRow[]) => list.reduce((total, row) => total + row.bytes, 0);
  return { bytes: sum(rows), files: rows.length, waitingBytes: sum(waiting), waitingFiles: waiting.length, budgetBytes };
}

/**
 * The files to drop so that what is kept fits the budget: full pictures the server holds first,
 * least recently viewed first (a thumbnail is what the issue screen shows, and it costs little),
 * then such thumbnails. A file the server does not hold yet is never dropped: it may be the only
 * copy. Returns as many as needed, or every droppable one when even that is not enough.
 */
export function filesToDrop(rows: readonly PhotoFileRow[], budgetBytes: number): PhotoFileRow[] {
  let total = rows.reduce((sum, row) => sum + row.bytes, 0);
  if (total <= budgetBytes) return [];
  const roleRank = (row: PhotoFileRow) => (row.role === 'full' ? 0 : 1);
  const droppable = rows
    .filter((row) => row.uploaded)
    .sort((a, b) => roleRank(a) - roleRank(b) || (a.lastUsedAt < b.lastUsedAt ? -1 : a.lastUsedAt > b.lastUsedAt ? 1 : 0));
  const dropped: PhotoFileRow[] = [];
  for (const row of droppable) {
    if (total <= budgetBytes) break;
    dropped.push(row);
    total -= row.bytes;
  }
  return dropped;
}

/** Drops what does not fit the budget (see filesToDrop); the hashes dropped. */
export async function enforcePhotoBudget(db: HelptentDatabase): Promise<string[]> {
  return db.transaction('rw', [db.meta, db.photoFiles], async () => {
    const dropped = filesToDrop(await db.photoFiles.toArray(), await readPhotoBudget(db));
    await db.photoFiles.bulkDelete(dropped.map((row) => row.hash));
    return dropped.map((row) => row.hash);
  });
}
