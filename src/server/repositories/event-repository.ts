import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error';
import type { FestivalEvent } from '../../domain/event';
import type { ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export async function insertEvent(db: Db, event: FestivalEvent, createdAt: string): Promise<void> {
  const existing = await db.selectFrom('events').select('id').where('id', '=', event.id).executeTakeFirst();
  if (existing) throw new AppError('invalid', `An event with id "${event.id}" already exists.`);
  await db
    .insertInto('events')
    .values({
      id: event.id,
      name: event.name,
      config: JSON.stringify(event),
      last_change_seq: 0,
      config_seq: 0,
      people_seq: 0,
      created_at: createdAt,
    })
    .execute();
}

/**
 * Takes the event's row for the rest of the transaction and returns its last change sequence.
 * Every writer of an event's changes takes it first, so change sequence order is commit order
 * on any number of server instances.
 */
export async function lockEventChanges(trx: Db, eventId: string): Promise<number> {
  const row = await trx
    .updateTable('events')
    .set((eb) => ({ last_change_seq: eb.ref('last_change_seq') }))
    .where('id', '=', eventId)
    .returning('last_change_seq')
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'This event does not exist on the server.');
  return row.last_change_seq;
}

export async function saveLastChangeSeq(trx: Db, eventId: string, seq: number): Promise<void> {
  await trx.updateTable('events').set({ last_change_seq: seq }).where('id', '=', eventId).execute();
}

/** Someone joined, or a device was signed out or let back in, under this change sequence. */
export async function savePeopleChangeSeq(trx: Db, eventId: string, seq: number): Promise<void> {
  await trx.updateTable('events').set({ last_change_seq: seq, people_seq: seq }).where('id', '=', eventId).execute();
}

/** Which change last touched the settings and the people directory: a pull sends them only when newer than its cursor. */
export async function readEventChangeSeqs(db: Db, eventId: string): Promise<{ configSeq: number; peopleSeq: number }> {
  const row = await db.selectFrom('events').select(['config_seq', 'people_seq']).where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'This event does not exist on the server.');
  return { configSeq: Number(row.config_seq), peopleSeq: Number(row.people_seq) };
}

/** The event's settings as the JSON text the server wrote. */
export async function readEventJson(db: Db, eventId: string): Promise<string> {
  const row = await db.selectFrom('events').select('config').where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'This event does not exist on the server.');
  return row.config;
}

/** The event's last change sequence: every change up to it is committed. */
export async function readLastChangeSeq(db: Db, eventId: string): Promise<number> {
  const row = await db.selectFrom('events').select('last_change_seq').where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'This event does not exist on the server.');
  return Number(row.last_change_seq);
}

export async function readEvent(db: Db, eventId: string): Promise<FestivalEvent> {
  return JSON.parse(await readEventJson(db, eventId)) as FestivalEvent;
}

/** Stores changed settings under the change sequence that changed them. */
export async function saveEventConfig(trx: Db, event: FestivalEvent, seq: number): Promise<void> {
  await trx
    .updateTable('events')
    .set({ config: JSON.stringify(event), name: event.name, config_seq: seq })
    .where('id', '=', event.id)
    .execute();
}

/**
 * How many of the event's issues are filed under a zone. Issues are stored as JSON text, so the
 * text is searched for the zone and each hit confirmed by parsing (`%` and `_` in an id only
 * widen the search); an id JSON must escape is looked for in every issue. Zones are removed rarely.
 */
export async function countIssuesInZone(db: Db, eventId: string, zoneId: string): Promise<number> {
  const quoted = JSON.stringify(zoneId);
  let query = db.selectFrom('issues').select('data').where('event_id', '=', eventId);
  if (!quoted.slice(1, -1).includes('\\')) query = query.where('data', 'like', `%"zoneId":${quoted}%`);
  const rows = await query.execute();
  return rows.filter((row) => (JSON.parse(row.data) as { zoneId?: unknown }).zoneId === zoneId).length;
}
