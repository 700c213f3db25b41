import Dexie from 'dexie';
import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import { sameValue } from '../domain/same-value';
import type { HelptentDatabase } from './database';
import { pagesOf, queuePageRows } from './queue-paging';
import { queueRowOf } from './queue-row';
import type { QueuePage, QueueRow } from './rows';

/**
 * Files the queue rows of issues stored in bulk (a pulled page, an import, a refile) as page
 * records, in the caller's transaction, which must cover `queue` and `queuePages`. The last
 * write of an issue's row wins: these rows replace the ones this phone saved one at a time
 * (each is built from the stored issue, with its unsent changes re-applied, so it is never
 * older), and a later page wins over an earlier one when reading.
 */
export async function fileQueueRowsInBulk(db: HelptentDatabase, issues: Issue[], event: FestivalEvent): Promise<void> {
  const ids = new Set(issues.map((issue) => issue.id));
  const replaced = (await db.queue.toCollection().primaryKeys()).filter((id) => ids.has(id));
  if (replaced.length > 0) await db.queue.bulkDelete(replaced);
  await addPages(
    db,
    issues.map((issue) => queueRowOf(issue, event)),
  );
}

async function addPages(db: HelptentDatabase, rows: QueueRow[]): Promise<void> {
  if (rows.length > 0) await db.queuePages.bulkPut(pagesOf(rows));
}

interface LatestPaged {
  rows: Map<string, QueueRow>;
  /** Rows held in pages, superseded ones included. */
  pagedRows: number;
}

/** The latest page row of each issue: pages are read in the order they were written. */
function latestPaged(pages: QueuePage[]): LatestPaged {
  const rows = new Map<string, QueueRow>();
  let pagedRows = 0;
  for (const page of pages) {
    pagedRows += page.rows.length;
    for (const row of page.rows) rows.set(row.id, row);
  }
  return { rows, pagedRows };
}

/** Superseded rows outweigh the live ones: worth rewriting every page. */
const isMostlySuperseded = (paged: LatestPaged) => paged.pagedRows > 2 * paged.rows.size + queuePageRows;

/** Pages of a few rows each, as pulls between pokes write them. */
const smallPagesOf = (pages: QueuePage[]) => pages.filter((page) => page.rows.length < queuePageRows / 2);

/** Small pages fold into one once there are this many. */
const smallPagesKept = 8;

/**
 * Tidies the pages in a transaction of its own that locks only them: a save (which writes
 * `queue`) never waits for it, and a pull's pages come before or after it, never in between.
 * When superseded rows outweigh the live ones, every page is written again with each issue's
 * latest row; otherwise only the small pages are folded into one, with the rows of theirs that
 * are still the latest (so the new, later page outranks nothing it should not). A page row that
 * a saved row outranks is kept: it is small, and reading skips it.
 */
export async function compactQueuePages(db: HelptentDatabase): Promise<void> {
  await db.transaction('rw', db.queuePages, async () => {
    const pages = await db.queuePages.toArray();
    const latest = latestPaged(pages);
    if (isMostlySuperseded(latest)) {
      await db.queuePages.clear();
      await addPages(db, [...latest.rows.values()]);
      return;
    }
    const small = smallPagesOf(pages);
    if (small.length < 2) return;
    const live = small.flatMap((page) => page.rows.filter((row) => latest.rows.get(row.id) === row));
    await db.queuePages.bulkDelete(small.map((page) => page.id!));
    await addPages(db, live);
  });
}

const compacting = new WeakSet<HelptentDatabase>();

function compactSoon(db: HelptentDatabase): void {
  if (compacting.has(db)) return;
  compacting.add(db);
  // A timer, so that it runs outside the (read-only, often live) query that found the need.
  setTimeout(() => {
    compactQueuePages(db)
      .catch((error: unknown) => {
        // Only tidying: the rows stay readable as they are, and the next read tries again. A
        // database closed meanwhile (another tab upgrading it, a reset) has nothing to tidy.
        if (!(error instanceof Dexie.DatabaseClosedError)) console.warn('Helptent: tidying the queue rows failed', error);
      })
      .finally(() => compacting.delete(db));
  }, 0);
}

/** Every issue's current queue row, in no particular order. */
export async function readQueueRows(db: HelptentDatabase): Promise<QueueRow[]> {
  const [pages, saved] = await db.transaction('r', [db.queuePages, db.queue], () =>
    Promise.all([db.queuePages.toArray(), db.queue.toArray()]),
  );
  const paged = latestPaged(pages);
  if (isMostlySuperseded(paged) || smallPagesOf(pages).length > smallPagesKept) compactSoon(db);
  const rows = new Map(paged.rows);
  for (const row of saved) rows.set(row.id, row);
  return [...rows.values()];
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

/** Day start, timezone, zones and categories decide how queue rows are filed; a new name does not. */
export function filesRowsDifferently(before: FestivalEvent | undefined, after: FestivalEvent): boolean {
  return (
    !before ||
    before.timezone !== after.timezone ||
    before.dayStartsAt !== after.dayStartsAt ||
    !sameValue(before.zones, after.zones) ||
    !sameValue(before.categories, after.categories) ||
    !sameValue(before.days, after.days)
  );
}

/**
 * Files every row of the event again after its days, zones or categories changed, in the
 * caller's transaction (with issues, queue and queuePages). The old pages all lose to the new
 * ones, so they go at once instead of waiting to be compacted.
 */
export async function refileQueueRows(db: HelptentDatabase, event: FestivalEvent): Promise<void> {
  const issues = await db.issues.where('eventId').equals(event.id).toArray();
  await db.queuePages.clear();
  await fileQueueRowsInBulk(db, issues, event);
}
