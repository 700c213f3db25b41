import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ensureDeviceIdentity, readDeviceIdentity } from '../../src/db/device-repository';
import { openDatabase } from '../../src/db/open-database';

let counter = 0;
const freshName = () => `helptent-test-${++counter}-${Math.random()}`;

describe('the phone database', () => {
  it('creates the device identity once and keeps it across reopen', async () => {
    const name = freshName();
    const first = await openDatabase({ name });
    if (!first.ok) throw new Error(first.error.message);
    const created = await ensureDeviceIdentity(first.db, { deviceId: 'device-a', firstOpenedAt: '2026-07-10T10:00:00.000Z' });
    first.db.close();

    const second = await openDatabase({ name });
    if (!second.ok) throw new Error(second.error.message);
    const again = await ensureDeviceIdentity(second.db, { deviceId: 'device-b', firstOpenedAt: '2026-07-11T10:00:00.000Z' });
    expect(again).toEqual(created);
    expect(await readDeviceIdentity(second.db)).toEqual({ deviceId: 'device-a', firstOpenedAt: '2026-07-10T10:00:00.000Z' });
    second.db.close();
  });

  it('tells this tab to stop when another tab upgrades the database', async () => {
    const name = freshName();
    let told = false;
    const opened = await openDatabase({ name, onVersionChange: () => (told = true) });
    if (!opened.ok) throw new Error(opened.error.message);
    const newer = new Dexie(name);
    newer.version(50).stores({ meta: '&key', later: '&id' });
    await newer.open();
    expect(told).toBe(true);
    expect(opened.db.isOpen()).toBe(false);
    newer.close();
  });

  it('reports plainly when the browser has no IndexedDB (private mode, blocked)', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const result = await openDatabase({ name: freshName() });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe('storage-unavailable');
      expect(result.error.message).toMatch(/private browsing/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
