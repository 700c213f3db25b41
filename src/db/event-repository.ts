import type { FestivalEvent } from '../domain/event';
import type { HelptentDatabase } from './database';

const key = 'event';

/**
 * The event this device works for; created from the candidate on first open. The candidate may
 * be a function, called only then: a phone that holds its event does not work one out again on
 * every open (the phone's timezone, from Intl, is slow to ask for the first time).
 */
export async function ensureEvent(
  db: HelptentDatabase,
  candidate: FestivalEvent | (() => FestivalEvent),
): Promise<FestivalEvent> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(key);
    if (existing) return existing.value as FestivalEvent;
    const event = typeof candidate === 'function' ? candidate() : candidate;
    await db.meta.add({ key, value: event });
    return event;
  });
}

export async function readEvent(db: HelptentDatabase): Promise<FestivalEvent | undefined> {
  return (await db.meta.get(key))?.value as FestivalEvent | undefined;
}
