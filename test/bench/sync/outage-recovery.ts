// The phones' IndexedDB, in this process (it only adds globals the other bench parts do not use).
import 'fake-indexeddb/auto';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HelptentDatabase as Database } from '../../../src/db/database';
import type { SyncEngine as Engine } from '../../../src/sync/sync-engine';
import { type BenchServer, startServerProcess } from '../browser/bench-server';
import { type BenchRow, percentile, round } from '../result';
import { benchEvent, createBenchEvent, type JoinedDevice, joinDevices, openServerStorage } from './server-setup';
import { demoCreateIssues } from './workload';

export interface RecoveryOptions {
  phones: number;
  changesPerPhone: number;
  /** How long the server stays down: long enough for every phone's backoff to reach its ceiling. */
  outageMs: number;
}

/**
 * RECOVERY_PHONES sets how many phones. 100 by default: every simulated phone's pulls and
 * IndexedDB (fake-indexeddb, plain JavaScript) share this one process and the server's two cores,
 * and past about 100 the phones' own CPU, not the server or the backoff, sets the time.
 */
export const defaultRecovery: RecoveryOptions = {
  phones: Number(process.env.RECOVERY_PHONES ?? 100),
  changesPerPhone: 3,
  outageMs: 30_000,
};

/**
 * The app's SyncEngine reads `window`, `document` and `navigator` (wake-up events, visibility,
 * signal); Node 20 has none of them. A phone in the foreground with signal is all it needs.
 */
function pretendToBeAPage(): void {
  const global = globalThis as Record<string, unknown>;
  global.window ??= new EventTarget();
  global.document ??= Object.assign(new EventTarget(), { visibilityState: 'visible' });
  global.navigator ??= { onLine: true };
  // Every phone's engine listens on these two: that is not a leak here.
  setMaxListeners(0, global.window as EventTarget, global.document as EventTarget);
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Phone {
  device: JoinedDevice;
  db: Database;
  engine: Engine;
}

/**
 * "The server is back after an outage": `phones` phones, each the app's own SyncEngine (its
 * backoff, its poke stream, syncOnce and the Dexie database on fake-indexeddb) in this Node
 * process, joined and synced; the server stops, each phone queues changes; the server starts
 * again on the same port and database. Measures the seconds from /healthz answering until the
 * server has applied every queued change, and until each phone's outbox is empty.
 */
export async function benchOutageRecovery(options: RecoveryOptions = defaultRecovery): Promise<BenchRow[]> {
  pretendToBeAPage();
  const { HelptentDatabase } = await import('../../../src/db/database');
  const { ensureDeviceIdentity } = await import('../../../src/db/device-repository');
  const { saveJoin } = await import('../../../src/db/sync-repository');
  const { readSyncState } = await import('../../../src/db/sync-state');
  const { saveChange } = await import('../../../src/db/save-change');
  const { SyncEngine } = await import('../../../src/sync/sync-engine');

  const dir = mkdtempSync(join(tmpdir(), 'helptent-recovery-bench-'));
  const databaseUrl = `sqlite:${join(dir, 'server.sqlite')}`;
  const event = benchEvent();
  const expected = options.phones * options.changesPerPhone;
  const mutations = demoCreateIssues(7, expected);
  let server: BenchServer | undefined = await startServerProcess(databaseUrl);
  const port = Number(new URL(server.origin).port);
  const storage = await openServerStorage(databaseUrl);
  const phones: Phone[] = [];
  try {
    await createBenchEvent(storage);
    const devices = await joinDevices(storage, event.id, 'staff', options.phones, 'Phone');
    for (const device of devices) {
      const db = new HelptentDatabase(`recovery-${device.deviceId}`);
      await db.open();
      await ensureDeviceIdentity(db, { deviceId: device.deviceId, firstOpenedAt: new Date().toISOString() });
      const state = { token: device.token, role: 'staff' as const, staffName: device.staffName, eventId: event.id };
      await saveJoin(db, { ...state, cursor: 0, lastSyncedAt: null, lastError: null }, event);
      const engine = new SyncEngine(db, { baseUrl: server.origin });
      engine.start();
      phones.push({ device, db, engine });
    }
    const synced = async (p: Phone) => Boolean((await readSyncState(p.db))?.lastSyncedAt);
    await waitFor('every phone synced once', async () => (await Promise.all(phones.map(synced))).every(Boolean), 120_000);

    await server.stop();
    server = undefined;
    for (const [i, phone] of phones.entries()) {
      const actor = { id: `phone-${i + 1}`, name: phone.device.staffName, role: 'staff' as const };
      for (const m of mutations.slice(i * options.changesPerPhone, (i + 1) * options.changesPerPhone)) {
        await saveChange(phone.db, event, {
          name: 'createIssue',
          args: m.args,
          context: { now: new Date().toISOString(), actor, mutationUuid: m.mutationUuid },
        });
      }
      phone.engine.requestSync(); // as the app does after a save
    }
    await new Promise((resolve) => setTimeout(resolve, options.outageMs));

    // When each phone's outbox last lost entries (to an acknowledged push): read in the
    // phone's own transaction, not by polling 100 databases that are busy pulling.
    const clearedAt = new Map<Phone, number>();
    for (const phone of phones) {
      phone.db.unsentChanges.hook('deleting', () => {
        clearedAt.set(phone, performance.now());
      });
    }
    server = await startServerProcess(databaseUrl, port);
    const back = performance.now();
    await waitFor(
      'every change applied on the server',
      async () => {
        const row = await storage.db
          .selectFrom('issues')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', event.id)
          .executeTakeFirstOrThrow();
        return Number(row.n) === expected;
      },
      120_000,
    );
    const appliedAt = performance.now();
    await waitFor(
      'every outbox empty',
      async () => (await Promise.all(phones.map((p) => p.db.unsentChanges.count()))).every((n) => n === 0),
      120_000,
    );
    const seconds = (at: number) => (at - back) / 1000;
    const outboxes = phones.map((p) => seconds(clearedAt.get(p) ?? back));
    const what = `${options.phones} phones × ${options.changesPerPhone} queued`;
    return [
      {
        name: `server back after an outage (${what}): /healthz to all applied`,
        value: round(seconds(appliedAt), 1),
        unit: 's',
      },
      {
        name: `server back after an outage (${what}): phone outbox empty p50`,
        value: round(percentile(outboxes, 50), 1),
        unit: 's',
      },
      {
        name: `server back after an outage (${what}): phone outbox empty max`,
        value: round(Math.max(...outboxes), 1),
        unit: 's',
      },
    ];
  } finally {
    for (const phone of phones) {
      phone.engine.stop();
      phone.db.close();
    }
    await storage.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
