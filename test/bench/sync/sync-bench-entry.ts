/**
 * Runs inside Chromium (bundled by esbuild, injected into a page of the app's origin): the app's
 * own sync code — syncOnce, its transport, saveChange, the Dexie database — against the real
 * server, with IndexedDB on disk in a persistent profile.
 */
import Dexie from 'dexie';
import { HelptentDatabase } from '../../../src/db/database';
import { ensureDeviceIdentity } from '../../../src/db/device-repository';
import { readQueueRows } from '../../../src/db/queue-pages';
import { saveChange } from '../../../src/db/save-change';
import { saveJoin } from '../../../src/db/sync-repository';
import type { Actor } from '../../../src/domain/staff';
import { type Call, createTransport } from '../../../src/sync/http';
import { syncOnce } from '../../../src/sync/sync-once';
import type { PageDevice, SyncBench } from './sync-bench-api';
import { appHeaders } from './workload';

const opened = new Map<string, HelptentDatabase>();

async function database(name: string): Promise<HelptentDatabase> {
  let db = opened.get(name);
  if (!db) {
    db = new HelptentDatabase(name);
    await db.open();
    opened.set(name, db);
  }
  return db;
}

/** A device that joined: its identity and sync state stored as the join screen stores them. */
async function joinedDatabase(device: PageDevice): Promise<HelptentDatabase> {
  const db = await database(device.dbName);
  await ensureDeviceIdentity(db, { deviceId: device.deviceId, firstOpenedAt: new Date().toISOString() });
  await saveJoin(
    db,
    {
      token: device.token,
      role: device.role,
      staffName: device.staffName,
      eventId: device.event.id,
      cursor: 0,
      lastSyncedAt: null,
      lastError: null,
    },
    device.event,
  );
  return db;
}

class StopBeforePull extends Error {}

/**
 * Sums the time of each bulkPut the app's code makes on these tables of this database object
 * (the wrapper only measures; the call and its arguments are unchanged).
 */
function timeBulkPuts(db: HelptentDatabase, names: ('issues' | 'queuePages')[]): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const name of names) {
    const table = db[name] as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const original = table.bulkPut.bind(table);
    spent[name] = 0;
    table.bulkPut = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        spent[name]! += performance.now() - started;
      }
    };
  }
  return spent;
}

/** The app's transport (same origin, the browser's fetch), timed; optionally stopped at the first pull. */
function timedTransport(stopAtPull: boolean) {
  const transport = createTransport({ isOnline: () => true });
  const stats = { callMs: 0, calls: 0, pullStartedAt: 0, bodies: [] as string[] };
  const call: Call = async (path, answer, init) => {
    if (stopAtPull && path.startsWith('/api/sync/pull')) {
      stats.pullStartedAt = performance.now();
      throw new StopBeforePull();
    }
    if (init?.body !== undefined) stats.bodies.push(JSON.stringify(init.body));
    const started = performance.now();
    try {
      return await transport(path, answer, init);
    } finally {
      stats.callMs += performance.now() - started;
      stats.calls += 1;
    }
  };
  return { call, stats };
}

const bench: SyncBench = {
  async fillOutbox(device, mutations) {
    const db = await joinedDatabase(device);
    const started = performance.now();
    // One outer transaction around the app's saveChange calls (each one a nested transaction):
    // the same rows as 5,000 separate saves, without waiting for 5,000 disk flushes first.
    await db.transaction('rw', [db.issues, db.queue, db.unsentChanges, db.drafts], async () => {
      for (const m of mutations) {
        const actor: Actor = { id: m.actor.id, name: m.actor.name, role: device.role };
        await saveChange(db, device.event, {
          name: m.name,
          args: m.args,
          context: { now: m.createdAt, actor, mutationUuid: m.mutationUuid },
        });
      }
    });
    return { ms: performance.now() - started, outbox: await db.unsentChanges.count() };
  },

  async timePush(device, sizes) {
    const db = await database(device.dbName);
    const { call, stats } = timedTransport(true);
    const started = performance.now();
    try {
      await syncOnce(db, call, sizes);
    } catch (error) {
      if (!(error instanceof StopBeforePull)) throw error;
    }
    if (stats.pullStartedAt === 0) throw new Error('syncOnce did not get to its pull');
    return {
      ms: stats.pullStartedAt - started,
      callMs: stats.callMs,
      batches: stats.calls,
      outboxLeft: await db.unsentChanges.count(),
      rejected: await db.refusedChanges.count(),
      bodies: stats.bodies,
    };
  },

  async timePull(device, sizes) {
    const db = await joinedDatabase(device);
    const { call, stats } = timedTransport(false);
    const bulkPutMs = timeBulkPuts(db, ['issues', 'queuePages']);
    const started = performance.now();
    const joined = await syncOnce(db, call, sizes);
    const ms = performance.now() - started;
    if (!joined) throw new Error('the pulling device has not joined');
    return {
      ms,
      callMs: stats.callMs,
      bulkPutMs,
      pages: stats.calls,
      issues: await db.issues.count(),
      queueRows: (await readQueueRows(db)).length,
    };
  },

  async fetchAndBulkPut({ dbName, token, pageSize }) {
    const db = await database(dbName);
    let cursor = 0;
    let requests = 0;
    const started = performance.now();
    for (;;) {
      const response = await fetch(`/api/sync/pull?cursor=${cursor}&limit=${pageSize}`, {
        headers: appHeaders(token),
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`pull answered ${response.status}`);
      const page = (await response.json()) as { issues: { issue: never }[]; cursor: number; hasMore: boolean };
      requests += 1;
      await db.issues.bulkPut(page.issues.map((p) => p.issue));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const ms = performance.now() - started;
    return { ms, requests, rows: await db.issues.count() };
  },

  async postBodies({ path, token, bodies }) {
    const started = performance.now();
    for (const body of bodies) {
      const response = await fetch(path, {
        method: 'POST',
        headers: { ...appHeaders(token), 'content-type': 'application/json' },
        body,
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`discard endpoint answered ${response.status}`);
      await response.json();
    }
    return { ms: performance.now() - started, requests: bodies.length, rows: 0 };
  },

  async deleteDatabase(dbName) {
    opened.get(dbName)?.close();
    opened.delete(dbName);
    await Dexie.delete(dbName);
  },
};

window.helptentSyncBench = bench;
