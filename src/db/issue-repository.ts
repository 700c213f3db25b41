import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import type { HelptentDatabase } from './database';
import { fileQueueRowsInBulk, readQueueRows } from './queue-pages';
import { readRejections } from './rejection-repository';
import { withReopenRetry } from './retry';
import type { QueueRow, RefusedChange, StoredIssue } from './rows';

export function readIssue(db: HelptentDatabase, id: string): Promise<StoredIssue | undefined> {
  return db.issues.get(id);
}

/** The event's queue rows, in no particular order. */
export async function readEventRows(db: HelptentDatabase, eventId: string): Promise<QueueRow[]> {
  return (await readQueueRows(db)).filter((row) => row.eventId === eventId);
}

/** The event's queue, newest first. */
export async function readQueue(db: HelptentDatabase, eventId: string): Promise<QueueRow[]> {
  const rows = await readEventRows(db, eventId);
  // Same minute, same second: the id (UUIDv7, from the logging time) decides, newest first.
  const newer = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  return rows.sort((a, b) => newer(a.createdAt, b.createdAt) || newer(a.id, b.id));
}

/** Whole issues (with their timelines) by id, in that order; ids no longer on the phone are skipped. */
export async function readIssuesById(db: HelptentDatabase, ids: string[]): Promise<StoredIssue[]> {
  return (await db.issues.bulkGet(ids)).filter((issue) => issue !== undefined);
}

/** Every issue of the event, whole: exports read these. */
export function readEventIssues(db: HelptentDatabase, eventId: string): Promise<StoredIssue[]> {
  return db.issues.where('eventId').equals(eventId).toArray();
}

/**
 * What the issue screen shows, read at once: parts read separately arrived later and pushed the
 * forms below them down the page under a finger about to tap.
 */
export async function readIssueScreen(
  db: HelptentDatabase,
  id: string,
): Promise<{ issue: StoredIssue; waiting: number; refusals: RefusedChange[] } | undefined> {
  const [issue, waiting, refusals] = await Promise.all([
    readIssue(db, id),
    countPendingChangesOf(db, id),
    readRejections(db, id),
  ]);
  return issue && { issue, waiting, refusals };
}

/** Changes to one issue (or, for '', to the event's settings) not on the server yet. */
export function countPendingChangesOf(db: HelptentDatabase, issueId: string): Promise<number> {
  return db.unsentChanges.where('issueId').equals(issueId).count();
}

/**
 * Issues that arrived whole (demo data, an import) in the caller's transaction (issues, queue,
 * queuePages): stored as never synced, without outbox entries.
 */
export async function putArrivedIssues(db: HelptentDatabase, event: FestivalEvent, issues: Issue[]): Promise<void> {
  const stored = issues.map((issue) => ({ ...issue, serverVersion: 0 }));
  await db.issues.bulkPut(stored);
  await fileQueueRowsInBulk(db, stored, event);
}

export async function importIssues(db: HelptentDatabase, event: FestivalEvent, issues: Issue[]): Promise<void> {
  await withReopenRetry(db, () =>
    db.transaction('rw', [db.issues, db.queue, db.queuePages], () => putArrivedIssues(db, event, issues)),
  );
}
