import type { Kysely } from 'kysely';
import type { PushSubscriptionsTable, ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

/** What the sender needs of a subscription: where, and the browser's keys (base64url). */
export type StoredPushSubscription = Pick<PushSubscriptionsTable, 'device_id' | 'endpoint' | 'p256dh' | 'auth'>;

/** IN lists are cut to this many ids, well below SQLite's and PostgreSQL's parameter limits. */
const idChunk = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += idChunk) out.push(items.slice(i, i + idChunk));
  return out;
}

/**
 * Stores a device's subscription, replacing the one it had. The endpoint is one browser's: if
 * another device held it (the same phone, joined again under a new device id), that row goes, so
 * the phone never gets each alert twice.
 */
export async function savePushSubscription(
  db: Db,
  subscription: Pick<PushSubscriptionsTable, 'device_id' | 'endpoint' | 'p256dh' | 'auth' | 'created_at'>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('push_subscriptions')
      .where('endpoint', '=', subscription.endpoint)
      .where('device_id', '!=', subscription.device_id)
      .execute();
    await trx
      .insertInto('push_subscriptions')
      .values({ ...subscription, last_success_at: null, failures: 0 })
      .onConflict((oc) =>
        oc.column('device_id').doUpdateSet({
          endpoint: subscription.endpoint,
          p256dh: subscription.p256dh,
          auth: subscription.auth,
          created_at: subscription.created_at,
          last_success_at: null,
          failures: 0,
        }),
      )
      .execute();
  });
}

/** Forgets a device's subscription (it unsubscribed, or was signed out); true when it had one. */
export async function deletePushSubscription(db: Db, deviceId: string): Promise<boolean> {
  const result = await db.deleteFrom('push_subscriptions').where('device_id', '=', deviceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The subscriptions of these devices that may be sent to: a signed-out device's are never read,
 * even if one was left behind.
 */
export async function readPushSubscriptions(db: Db, deviceIds: readonly string[]): Promise<StoredPushSubscription[]> {
  const found: StoredPushSubscription[] = [];
  for (const ids of chunks([...new Set(deviceIds)])) {
    const rows = await db
      .selectFrom('push_subscriptions')
      .innerJoin('devices', 'devices.id', 'push_subscriptions.device_id')
      .select(['push_subscriptions.device_id', 'endpoint', 'p256dh', 'auth'])
      .where('push_subscriptions.device_id', 'in', ids)
      .where('devices.revoked_at', 'is', null)
      .execute();
    found.push(...rows);
  }
  return found;
}

/**
 * Whether each device can get alerts while its app is closed (it has a subscription and is signed
 * in): for the alert engine, which falls back to in-app alerts, and for coordinators who need to
 * know which on-duty phones will not ring.
 */
export async function devicesReachableByPush(db: Db, deviceIds: readonly string[]): Promise<Set<string>> {
  return new Set((await readPushSubscriptions(db, deviceIds)).map((s) => s.device_id));
}

/** One device's fact, as `devicesReachableByPush` says it. */
export async function canDeviceGetPushes(db: Db, deviceId: string): Promise<boolean> {
  return (await devicesReachableByPush(db, [deviceId])).has(deviceId);
}

/** What one round of sending found, written back in one transaction. */
export interface PushDeliveryRecord {
  /** Accepted by the push service. */
  succeeded: readonly string[];
  /** The push service says the subscription no longer exists (404, 410): removed. */
  gone: readonly StoredPushSubscription[];
  /** Anything else (timeouts, 5xx, 403, 429): counted, kept. */
  failed: readonly string[];
}

export async function recordPushDeliveries(db: Db, record: PushDeliveryRecord, at: string): Promise<void> {
  if (record.succeeded.length + record.gone.length + record.failed.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const ids of chunks(record.succeeded)) {
      await trx
        .updateTable('push_subscriptions')
        .set({ last_success_at: at, failures: 0 })
        .where('device_id', 'in', ids)
        .execute();
    }
    for (const ids of chunks(record.failed)) {
      await trx
        .updateTable('push_subscriptions')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('device_id', 'in', ids)
        .execute();
    }
    // Only the endpoint that is gone: the device may have sent a new one meanwhile.
    for (const gone of record.gone) {
      await trx
        .deleteFrom('push_subscriptions')
        .where('device_id', '=', gone.device_id)
        .where('endpoint', '=', gone.endpoint)
        .execute();
    }
  });
}
