import type { FestivalEvent } from '../domain/event';
import type { Issue } from '../domain/issue';
import type { HelptentDatabase, QueueRow } from './database';
import { queueRowOf } from './queue-row';
import { withReopenRetry } from './retry';

export function readIssue(db: HelptentDatabase, id: string): Promise<Issue | undefined> {
  return db.issues.get(id);
}

/** The event's queue, newest first. */
export function readQueue(db: HelptentDatabase, eventId: string): Promise<QueueRow[]> {
  return db.queue.where('[eventId+createdAt]').between([eventId, ''], [eventId, '\uffff']).reverse().toArray();
}

export function countPendingChanges(db: HelptentDatabase): Promise<number> {
  return db.outbox.count();
}

/** Issues that arrived whole (demo data, later the server): stored without outbox entries. */
export async function importIssues(db: HelptentDatabase, event: FestivalEvent, issues: Issue[]): Promise<void> {
  await withReopenRetry(db, () =>
    db.transaction('rw', [db.issues, db.queue], async () => {
      await db.issues.bulkPut(issues);
      await db.queue.bulkPut(issues.map((issue) => queueRowOf(issue, event)));
    }),
  );
}
