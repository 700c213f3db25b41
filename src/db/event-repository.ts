import type { FestivalEvent } from '../domain/event';
import type { HelptentDatabase } from './database';

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
