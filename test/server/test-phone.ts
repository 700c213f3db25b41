import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { HelptentDatabase } from '../../src/db/database';
import { ensureDeviceIdentity } from '../../src/db/device-repository';
import { ensureEvent } from '../../src/db/event-repository';
import { saveChange } from '../../src/db/save-change';
import { saveJoin } from '../../src/db/sync-repository';
import { defaultEvent, type FestivalEvent } from '../../src/domain/event';
import { protocolHeader, protocolVersion } from '../../src/domain/protocol-version';
import type { Actor } from '../../src/domain/staff';
import { createTransport } from '../../src/sync/http';
import { type SyncSizes, syncOnce } from '../../src/sync/sync-once';
import { injectFetch } from './helpers';
import { newJoinCode, newUuid } from './sync-helpers';

/** A phone's database that joined the event, running the app's own sync code against the server. */
export interface TestPhone {
  db: HelptentDatabase;
  event: FestivalEvent;
  actor: Actor;
  /**
   * One sync round; `protocol` plays an app of another protocol version. The phone's batch and
   * page sizes unless `sizes` says otherwise for this round.
   */
  sync(options?: { protocol?: number; sizes?: SyncSizes }): Promise<boolean>;
}

/** Databases the phones opened: the test deletes them afterwards. */
export const phoneDatabases: HelptentDatabase[] = [];

export async function joinTestPhone(
  app: FastifyInstance,
  name: string,
  role: Actor['role'] = 'staff',
  fetchVia: (app: FastifyInstance) => typeof fetch = injectFetch,
  /** Tiny batches and pages by default, so a test's few changes cross several of them. */
  sizes: SyncSizes = { batchSize: 2, pageSize: 2 },
): Promise<TestPhone> {
  const db = new HelptentDatabase(`test-phone-${Math.random()}`);
  phoneDatabases.push(db);
  await db.open();
  const deviceId = newUuid();
  await ensureDeviceIdentity(db, { deviceId, firstOpenedAt: new Date().toISOString() });
  await ensureEvent(db, defaultEvent('local', 'Europe/Amsterdam'));
  const code = await newJoinCode(app, role);
  const joined = (
    await app.inject({
      method: 'POST',
      url: '/api/join',
      headers: { [protocolHeader]: String(protocolVersion) },
      payload: { code, deviceId, staffId: `staff-${name}`, staffName: name },
    })
  ).json();
  await saveJoin(
    db,
    { token: joined.token, role, staffName: name, eventId: 'festival', cursor: 0, lastSyncedAt: null, lastError: null },
    joined.event,
  );
  return {
    db,
    event: joined.event,
    actor: { id: `staff-${name}`, name, role },
    sync: (options = {}) =>
      syncOnce(
        db,
        createTransport({
          fetch: fetchVia(app),
          isOnline: () => true,
          ...(options.protocol ? { protocol: options.protocol } : {}),
        }),
        options.sizes ?? sizes,
      ),
  };
}

/** A change made on the phone as the app makes it: applied and queued in one transaction. */
export function change(p: TestPhone, name: Parameters<typeof saveChange>[2]['name'], args: unknown) {
  return saveChange(p.db, p.event, {
    name,
    args,
    context: { now: new Date().toISOString(), actor: p.actor, mutationUuid: newUuid() },
  });
}
