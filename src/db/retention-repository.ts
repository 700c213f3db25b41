import type { FestivalEvent } from '../domain/event';
import { fullNamesOf, purgePersonalData, retentionHasEnded } from '../domain/personal-data';
import { cleanRefusedChanges } from './attendee-data-removal';
import type { HelptentDatabase } from './database';
import { deleteQueueRows, fileQueueRowsInBulk } from './queue-pages';
import type { StoredIssue } from './rows';

/** The server purge this phone has applied to everything it holds (meta key). */
const purgedKey = 'personal-data-purged';

/** Who removed it, on a phone that did so before the server's copy arrived. */
const thisPhone = { id: 'this-phone', name: 'this phone' };

/**
 * Once the event's retention period has ended (the server says it purged, or this phone's clock
 * says the date has passed, offline too), the phone removes attendee personal data from every
 * issue it holds, as the server does, in one transaction; the queue's old rows of them go too.
 * The changes still waiting to be sent (and the form being typed) stay as typed: they belong to
 * the person, and the server removes the data when they arrive. Returns how many issues changed.
 */
export async function purgeExpiredPersonalData(db: HelptentDatabase, now: Date): Promise<number> {
  const event = (await db.meta.get('event'))?.value as FestivalEvent | undefined;
  if (!event || !(event.personalDataPurgedAt !== undefined || retentionHasEnded(event, now))) return 0;
  // Once the server's purge is in, every copy it sends is purged: the phone looks once more, not
  // at every sync (reading 20,000 issues each minute would cost a cheap phone seconds).
  const done = (await db.meta.get(purgedKey))?.value;
  if (done !== undefined && done === event.personalDataPurgedAt) return 0;
  return db.transaction('rw', [db.meta, db.issues, db.queue, db.queuePages, db.refusedChanges], async () => {
    if (event.personalDataPurgedAt !== undefined) await db.meta.put({ key: purgedKey, value: event.personalDataPurgedAt });
    const issues = await db.issues.where('eventId').equals(event.id).toArray();
    const names = fullNamesOf(issues.map((issue) => issue.attendee));
    const stamp = { entryId: `${event.id}:retention-on-phone`, at: now.toISOString(), by: thisPhone };
    const purged: StoredIssue[] = [];
    for (const issue of issues) {
      const next = purgePersonalData(issue, stamp, names);
      if (next) purged.push({ ...next, serverVersion: issue.serverVersion });
    }
    if (purged.length === 0) return 0;
    const attendeeOf = new Map(issues.map((issue) => [issue.id, issue.attendee]));
    await db.issues.bulkPut(purged);
    // Refused changes stay to be read, without what they said of attendees.
    await cleanRefusedChanges(db.refusedChanges.toCollection(), attendeeOf);
    await deleteQueueRows(
      db,
      purged.map((issue) => issue.id),
    );
    await fileQueueRowsInBulk(db, purged, event);
    return purged.length;
  });
}
