import type { Kysely } from 'kysely';
import type { DeviceView } from '../../domain/sync-protocol';
import type { DevicesTable, ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DevicesTable | undefined> {
  return db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findDevice(db: Db, id: string): Promise<DevicesTable | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A device joining (again): who uses it, the role its code grants and its new token's hash. */
export type DeviceJoin = Pick<DevicesTable, 'staff_id' | 'staff_name' | 'role' | 'token_hash' | 'last_seen_at' | 'user_agent'>;

export async function saveDeviceJoin(
  trx: Db,
  join: DeviceJoin & { id: string; eventId: string; at: string },
  existing: boolean,
): Promise<DevicesTable> {
  const { id, eventId, at, ...joined } = join;
  // On duty from joining (again, perhaps as someone else on a shared phone) until they say otherwise.
  const values = { ...joined, on_duty: 1, duty_zone_id: null };
  // Joining again keeps the device's id and mutation count, so nothing it queued is applied twice.
  if (existing)
    await trx
      .updateTable('devices')
      .set({ ...values, revoked_at: null })
      .where('id', '=', id)
      .execute();
  else {
    await trx
      .insertInto('devices')
      .values({
        ...values,
        id,
        event_id: eventId,
        revoked_at: null,
        last_mutation_id: 0,
        created_at: at,
        last_pushed_at: null,
        last_pulled_at: null,
      })
      .execute();
  }
  return (await findDevice(trx, id))!;
}

/** The highest mutation id of this device the server applied (read fresh, never from the request's copy). */
export async function readLastMutationId(db: Db, deviceId: string): Promise<number> {
  const row = await db.selectFrom('devices').select('last_mutation_id').where('id', '=', deviceId).executeTakeFirstOrThrow();
  return Number(row.last_mutation_id);
}

export async function saveDevicePush(trx: Db, deviceId: string, lastMutationId: number, at: string): Promise<void> {
  await trx
    .updateTable('devices')
    .set({ last_mutation_id: lastMutationId, last_pushed_at: at, last_seen_at: at })
    .where('id', '=', deviceId)
    .execute();
}

export async function stampDevicePull(db: Db, deviceId: string, at: string): Promise<void> {
  await db.updateTable('devices').set({ last_pulled_at: at, last_seen_at: at }).where('id', '=', deviceId).execute();
}

/** The event's devices, most recently seen first: coordinators see who has gone quiet. */
export async function listEventDevices(db: Db, eventId: string): Promise<DeviceView[]> {
  const rows = await db
    .selectFrom('devices')
    .select([
      'id',
      'staff_name',
      'role',
      'created_at',
      'last_seen_at',
      'last_pushed_at',
      'last_pulled_at',
      'revoked_at',
      'last_mutation_id',
    ])
    .where('event_id', '=', eventId)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    staffName: r.staff_name,
    role: r.role,
    joinedAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    lastPushedAt: r.last_pushed_at,
    lastPulledAt: r.last_pulled_at,
    revokedAt: r.revoked_at,
    changesReceived: Number(r.last_mutation_id),
  }));
}

/**
 * Signs a device of the event out (`revokedAt` a time) or lets it back in (null). False when no
 * device of the event was in the other state.
 */
export async function setDeviceRevoked(trx: Db, eventId: string, deviceId: string, revokedAt: string | null): Promise<boolean> {
  const result = await trx
    .updateTable('devices')
    .set({ revoked_at: revokedAt })
    .where('id', '=', deviceId)
    .where('event_id', '=', eventId)
    .where('revoked_at', revokedAt === null ? 'is not' : 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** On or off duty, and in which zone: what the person on the phone said last. */
export async function saveDuty(trx: Db, deviceId: string, onDuty: boolean, zoneId: string | null): Promise<void> {
  await trx
    .updateTable('devices')
    .set({ on_duty: onDuty ? 1 : 0, duty_zone_id: zoneId })
    .where('id', '=', deviceId)
    .execute();
}

/** The event's signed-in devices on duty, as the alert engine weighs them: everyone an alert could reach. */
export async function listOnDutyDevices(
  db: Db,
  eventId: string,
): Promise<Pick<DevicesTable, 'id' | 'staff_id' | 'role' | 'on_duty' | 'revoked_at'>[]> {
  return db
    .selectFrom('devices')
    .select(['id', 'staff_id', 'role', 'on_duty', 'revoked_at'])
    .where('event_id', '=', eventId)
    .where('revoked_at', 'is', null)
    .where('on_duty', '=', 1)
    .execute();
}
