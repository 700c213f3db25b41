import type { FestivalEvent } from '../domain/event';
import type { HelptentDatabase } from './database';
import { refileQueueRows } from './queue-pages';
import { withReopenRetry } from './retry';

const key = 'event';

/** The event this device works for; created from the candidate on first open. */
export async function ensureEvent(db: HelptentDatabase, candidate: FestivalEvent): Promise<FestivalEvent> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(key);
    if (existing) return existing.value as FestivalEvent;
    await db.meta.add({ key, value: candidate });
    return candidate;
  });
}

export async function readEvent(db: HelptentDatabase): Promise<FestivalEvent | undefined> {
  return (await db.meta.get(key))?.value as FestivalEvent | undefined;
}

/**
 * Saves the event; when its timezone, day start, zones or categories change, every queue row is
 * rebuilt in the same transaction so operational days and search never disagree with it.
 */
export async function saveEvent(db: HelptentDatabase, event: FestivalEvent): Promise<void> {
  await withReopenRetry(db, () =>
    db.transaction('rw', [db.meta, db.issues, db.queue, db.queuePages], async () => {
      await db.meta.put({ key, value: event });
      await refileQueueRows(db, event);
    }),
  );
}
