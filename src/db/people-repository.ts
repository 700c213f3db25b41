import type { EventPerson } from '../domain/staff';
import type { HelptentDatabase } from './database';

/** The event's people as the server last told this phone, by name. */
export async function readPeople(db: HelptentDatabase): Promise<EventPerson[]> {
  const people = await db.people.toArray();
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

export function countPeople(db: HelptentDatabase): Promise<number> {
  return db.people.count();
}

/** People who joined or whose device was signed out or back in, in the caller's transaction. */
export async function putPeople(db: HelptentDatabase, people: EventPerson[]): Promise<void> {
  if (people.length > 0) await db.people.bulkPut(people);
}
