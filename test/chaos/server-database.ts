import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { defaultEvent } from '../../src/domain/event';
import type { Role } from '../../src/domain/staff';
import { createEvent, createJoinCode } from '../../src/server/events/event-admin';
import type { ServerDatabase } from '../../src/server/storage/schema';
import { openStorage } from '../../src/server/storage/storage';
import { readServerSnapshot, type ServerSnapshot } from './convergence';

/** Creates the event and join codes in the database file before the server process opens it. */
export async function prepareEvent(file: string, eventId: string): Promise<Record<Role, string>> {
  const storage = await openStorage({ kind: 'sqlite', file });
  try {
    const now = new Date();
    // The days the devices' changes are stamped in, so their times stay believable in any year.
    const days = ['2026-07-10', '2026-07-11', '2026-07-12'];
    // Those days are in the past: keep attendee data for ten years, so the retention purge stays out of the run.
    await createEvent(storage, { ...defaultEvent(eventId, 'Europe/Amsterdam'), days, retentionDays: 3650 }, now);
    const code = async (role: Role) =>
      (await createJoinCode(storage, { eventId, role, singleUse: false, validMinutes: 24 * 60, createdBy: null, now })).code;
    return { staff: await code('staff'), coordinator: await code('coordinator'), organizer: await code('organizer') };
  } finally {
    await storage.close();
  }
}

/** The server's tables, read through a read-only connection of our own. */
export async function readSnapshotFromFile(file: string, eventId: string): Promise<ServerSnapshot> {
  const db = new Kysely<ServerDatabase>({
    dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }),
  });
  try {
    return await readServerSnapshot(db, eventId);
  } finally {
    await db.destroy();
  }
}

/** How far the server has applied this device's changes, read synchronously from the file. */
export function readLastMutationId(file: string, deviceId: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select last_mutation_id from devices where id = ?').get(deviceId) as
      | { last_mutation_id: number }
      | undefined;
    return Number(row?.last_mutation_id ?? 0);
  } finally {
    db.close();
  }
}
