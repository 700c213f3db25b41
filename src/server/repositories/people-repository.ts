import type { Kysely } from 'kysely';
import type { EventPerson, Role } from '../../domain/staff';
import { pushReachableDevices } from '../alerts/push-reachable';
import type { ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export interface PersonJoin {
  eventId: string;
  id: string;
  name: string;
  role: Role;
  deviceId: string;
  joinedAt: string;
  changeSeq: number;
}

/** Someone joined (or joined again, on this or another device): the directory says so. */
export async function savePersonJoin(trx: Db, join: PersonJoin): Promise<void> {
  const values = {
    name: join.name,
    role: join.role,
    device_id: join.deviceId,
    joined_at: join.joinedAt,
    change_seq: join.changeSeq,
  };
  await trx
    .insertInto('people')
    .values({ ...values, event_id: join.eventId, id: join.id })
    .onConflict((oc) => oc.columns(['event_id', 'id']).doUpdateSet(values))
    .execute();
}

/** A device was signed out or let back in: its people travel again with the new state. */
export async function touchPeopleOfDevice(trx: Db, deviceId: string, changeSeq: number): Promise<void> {
  await trx.updateTable('people').set({ change_seq: changeSeq }).where('device_id', '=', deviceId).execute();
}

/**
 * People who changed after a change sequence (all of them for `null`), signed in or not, with
 * their duty. A shared phone that someone else joined on since is no longer theirs: its duty
 * (and its push subscription) belongs to the new person, so the earlier one shows off duty.
 */
export async function peopleChangedAfter(db: Db, eventId: string, afterSeq: number | null): Promise<EventPerson[]> {
  let query = db
    .selectFrom('people')
    .innerJoin('devices', 'devices.id', 'people.device_id')
    .select([
      'people.id as id',
      'people.name as name',
      'people.role as role',
      'people.device_id as deviceId',
      'people.joined_at as joinedAt',
      'devices.revoked_at as revokedAt',
      'devices.staff_id as deviceStaffId',
      'devices.on_duty as onDuty',
      'devices.duty_zone_id as dutyZoneId',
    ])
    .where('people.event_id', '=', eventId);
  if (afterSeq !== null) query = query.where('people.change_seq', '>', afterSeq);
  const rows = await query.orderBy('people.name').execute();
  const reachable = await pushReachableDevices(db, [...new Set(rows.map((row) => row.deviceId))]);
  return rows.map(({ revokedAt, deviceStaffId, onDuty, dutyZoneId, ...person }) => {
    const signedIn = revokedAt === null;
    const onTheirPhone = signedIn && deviceStaffId === person.id;
    return {
      ...person,
      signedIn,
      onDuty: onTheirPhone && Number(onDuty) === 1,
      dutyZoneId: onTheirPhone ? dutyZoneId : null,
      pushReachable: onTheirPhone && reachable.has(person.deviceId),
    };
  });
}
