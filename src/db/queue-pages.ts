import Dexie from 'dexie';
import type { FestivalEvent } from '../domain/event';
import type { HelptentDatabase, QueuePage, QueueRow } from './database';
import { queueRowOf } from './queue-row';

/** Rows per page record: about 1 MB, big enough that the per-record cost disappears. */
export const queuePageRows = 2000;

/**
 * Files rows that arrived in bulk as page records, in the caller's transaction. A later row of
 * an issue does not replace its earlier one in place: reading keeps the newest (see
 * `newestRows`), and compaction drops the rest.
 */
export async function addQueuePages(db: HelptentDatabase, rows: QueueRow[]): Promise<void> {
  const pages: QueuePage[] = [];
  for (let i = 0; i < rows.length; i += queuePageRows) pages.push({ rows: rows.slice(i, i + queuePageRows) });
  if (pages.length > 0) await db.queuePages.bulkPut(pages);
}

interface Newest {
  rows: Map<string, QueueRow>;
  /** Rows held in pages, superseded ones included. */
  pagedRows: number;
  /** Issues that have at least one row in a page. */
  pagedIssues: number;
}

/**
 * One row per issue: the highest server version wins; among rows of the same version a page
 * written later wins over an earlier one, and a row this phone saved wins over any page, since
 * it holds a change made on top of that version.
 */
function newestRows(pages: QueuePage[], local: QueueRow[]): Newest {
  const rows = new Map<string, QueueRow>();
  let pagedRows = 0;
  const keep = (row: QueueRow) => {
    const held = rows.get(row.id);
    if (!held || row.version >= held.version) rows.set(row.id, row);
  };
  for (const page of pages) {
    pagedRows += page.rows.length;
    for (const row of page.rows) keep(row);
  }
  const pagedIssues = rows.size;
  for (const row of local) keep(row);
  return { rows, pagedRows, pagedIssues };
}

/** Superseded rows outweigh the live ones, or small pages pile up (a pull of a few rows each). */
function worthCompacting(newest: Newest, pages: number): boolean {
  return (
    newest.pagedRows > 2 * newest.pagedIssues + queuePageRows || pages > 8 + 2 * Math.ceil(newest.pagedIssues / queuePageRows)
  );
}

const compacting = new WeakSet<HelptentDatabase>();

/**
 * Rewrites the pages with only the rows that still win, in full pages. Runs in a transaction of
 * its own: a pull waits for it or runs before it, never in between.
 */
export async function compactQueuePages(db: HelptentDatabase): Promise<void> {
  await db.transaction('rw', [db.queuePages, db.queue], async () => {
    const pages = await db.queuePages.toArray();
    const newest = newestRows(pages, await db.queue.toArray());
    const winning = pages.flatMap((page) => page.rows.filter((row) => newest.rows.get(row.id) === row));
    await db.queuePages.clear();
    await addQueuePages(db, winning);
  });
}

function compactSoon(db: HelptentDatabase): void {
  if (compacting.has(db)) return;
  compacting.add(db);
  // Outside whatever (read-only, live) query found the need, once that has answered.
  Dexie.ignoreTransaction(() =>
    setTimeout(() => {
      compactQueuePages(db)
        // Only tidying: if it fails (the database closed meanwhile), the rows stay readable as they are.
        .catch(() => undefined)
        .finally(() => compacting.delete(db));
    }, 0),
  );
}

/** Every issue's current queue row, in no particular order. */
export async function readQueueRows(db: HelptentDatabase): Promise<QueueRow[]> {
  const [pages, local] = await db.transaction('r', [db.queuePages, db.queue], () =>
    Promise.all([db.queuePages.toArray(), db.queue.toArray()]),
  );
  const newest = newestRows(pages, local);
  if (worthCompacting(newest, pages.length)) compactSoon(db);
  return [...newest.rows.values()];
}

/** Removes issues' rows wherever they are, in the caller's transaction. */
export async function deleteQueueRows(db: HelptentDatabase, ids: string[]): Promise<void> {
  const gone = new Set(ids);
  await db.queue.bulkDelete(ids);
  const changed = (await db.queuePages.toArray())
    .filter((page) => page.rows.some((row) => gone.has(row.id)))
    .map((page) => ({ ...page, rows: page.rows.filter((row) => !gone.has(row.id)) }));
  await db.queuePages.bulkPut(changed);
}

/**
 * Files every row of the event again after its days, zones or categories changed, in the
 * caller's transaction (with issues, queue and queuePages). Rows this phone saved stay its own.
 */
export async function refileQueueRows(db: HelptentDatabase, event: FestivalEvent): Promise<void> {
  const rows = (await db.issues.where('eventId').equals(event.id).toArray()).map((issue) => queueRowOf(issue, event));
  const saved = new Set(await db.queue.toCollection().primaryKeys());
  await db.queuePages.clear();
  await db.queue.bulkPut(rows.filter((row) => saved.has(row.id)));
  await addQueuePages(
    db,
    rows.filter((row) => !saved.has(row.id)),
  );
}
