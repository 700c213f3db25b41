import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ensureDeviceIdentity, readDeviceIdentity } from '../../src/db/device-repository';
import { openDatabase } from '../../src/db/open-database';
import { readQueueRows } from '../../src/db/queue-pages';
import { defaultEvent } from '../../src/domain/event';
import { applyMutation } from '../../src/domain/mutators';

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

  it.each([3, 4])(
    'keeps every synced version when a phone upgrades from schema %i, with its separate versions store',
    async (schema) => {
      const name = freshName();
      // The database as an earlier app version left it on a phone in the field (3 and 4 share their stores).
      const old = new Dexie(name);
      old.version(schema).stores({
        meta: '&key',
        issues: '&id, eventId',
        queue: '&id, [eventId+day], [eventId+createdAt]',
        outbox: '++seq, issueId',
        drafts: '&key',
        versions: '&id',
        rejected: '&seq, issueId',
      });
      await old.open();
      const event = defaultEvent('festival', 'Europe/Amsterdam');
      const log = (id: string, summary: string, at: string) =>
        applyMutation(
          undefined,
          'createIssue',
          { id, eventId: event.id, category: 'lost-property', summary },
          { now: at, actor: { id: 'sam', name: 'Sam', role: 'staff' }, mutationUuid: `m-${id}` },
        );
      const synced = log('01980000-0000-7000-8000-000000000001', 'Lost phone', '2026-07-10T12:30:00.000Z');
      const local = log('01980000-0000-7000-8000-000000000002', 'Lost keys', '2026-07-10T23:10:00.000Z');
      await old.table('meta').put({ key: 'event', value: event });
      await old.table('issues').bulkPut([synced, local]);
      await old
        .table('queue')
        .bulkPut([synced, local].map((issue) => ({ id: issue.id, eventId: event.id, summary: issue.summary })));
      await old.table('versions').put({ id: synced.id, version: 42 });
      old.close();

      const opened = await openDatabase({ name });
      if (!opened.ok) throw new Error(opened.error.message);
      const db = opened.db;
      // 14:30 and 01:10 in Amsterdam: the night issue counts in the day before.
      const rows = new Map((await readQueueRows(db)).map((row) => [row.id, row]));
      expect(rows.get(synced.id)).toMatchObject({ summary: 'Lost phone', day: '2026-07-10', hour: 14 });
      expect(rows.get(local.id)).toMatchObject({ summary: 'Lost keys', day: '2026-07-10', hour: 1 });
      expect(db.tables.map((t) => t.name)).not.toContain('versions');
      expect(db.queue.schema.indexes).toEqual([]);
      expect((await db.issues.get(synced.id))?.serverVersion).toBe(42);
      expect((await db.issues.get(local.id))?.serverVersion).toBe(0);
      db.close();
    },
  );

  it('moves every synced version into its issue and its rows into pages when a phone upgrades from schema 5', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(5).stores({
      meta: '&key',
      issues: '&id, eventId',
      queue: '&id',
      outbox: '++seq, issueId',
      drafts: '&key',
      rejected: '&seq, issueId',
    });
    await old.open();
    const event = defaultEvent('festival', 'Europe/Amsterdam');
    const issue = applyMutation(
      undefined,
      'createIssue',
      { id: '01980000-0000-7000-8000-000000000003', eventId: event.id, category: 'lost-property', summary: 'Lost bag' },
      { now: '2026-07-10T12:30:00.000Z', actor: { id: 'sam', name: 'Sam', role: 'staff' }, mutationUuid: 'm-3' },
    );
    await old.table('meta').put({ key: 'event', value: event });
    await old.table('issues').put(issue);
    await old.table('queue').put({ id: issue.id, eventId: event.id, summary: 'Lost bag', version: 17 });
    old.close();

    const opened = await openDatabase({ name });
    if (!opened.ok) throw new Error(opened.error.message);
    expect((await opened.db.issues.get(issue.id))?.serverVersion).toBe(17);
    expect(await opened.db.queue.count()).toBe(0);
    const [row] = (await opened.db.queuePages.toArray()).flatMap((page) => page.rows);
    // Schema 9 files every row again from its issue.
    expect(row).toMatchObject({ id: issue.id, eventId: event.id, summary: 'Lost bag' });
    opened.db.close();
  });

  it('a phone upgrading from schema 7 keeps its unsent and refused changes under the new names, and numbers on from its last change', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(7).stores({
      meta: '&key',
      issues: '&id, eventId',
      queue: '&id',
      queuePages: '++id',
      outbox: '++seq, issueId',
      drafts: '&key',
      rejected: '&seq, issueId',
      people: '&id',
    });
    await old.open();
    const entry = (n: number) => ({
      mutationId: `uuid-${n}`,
      name: 'addNote',
      args: { issueId: 'issue-1', text: `note ${n}` },
      issueId: 'issue-1',
      actor: { id: 'sam', name: 'Sam', role: 'staff' },
      createdAt: '2026-07-10T12:30:00.000Z',
      baseVersion: 3,
    });
    // Changes 1–6 were numbered; 1–3 reached the server and left, 4 was refused, 5–6 wait. The
    // server skips any number at or below the last it applied, so 7 must come next.
    for (let n = 1; n <= 6; n += 1) await old.table('outbox').add(entry(n));
    await old.table('rejected').put({ ...entry(4), seq: 4, kind: 'invalid', message: 'The note is empty.', rejectedAt: 'x' });
    await old.table('outbox').bulkDelete([1, 2, 3, 4, 6]);
    await old.table('outbox').add({ ...entry(6), seq: 6 });
    old.close();

    const opened = await openDatabase({ name });
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.db;
    expect(db.tables.map((t) => t.name)).not.toContain('outbox');
    expect((await db.unsentChanges.toArray()).map((c) => [c.mutationId, c.mutationUuid, c.baseVersion])).toEqual([
      [5, 'uuid-5', 3],
      [6, 'uuid-6', 3],
    ]);
    expect(await db.refusedChanges.toArray()).toEqual([
      expect.objectContaining({ mutationId: 4, mutationUuid: 'uuid-4', message: 'The note is empty.' }),
    ]);
    const { mutationId: _, ...seventh } = entry(7);
    expect(await db.unsentChanges.add({ ...seventh, mutationUuid: 'uuid-7' } as never)).toBe(7);
    db.close();
  });

  it('numbers on from the last change after the upgrade even when nothing was waiting', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(7).stores({ meta: '&key', outbox: '++seq, issueId', rejected: '&seq, issueId' });
    await old.open();
    for (let n = 1; n <= 40; n += 1) await old.table('outbox').add({ issueId: 'issue-1' });
    await old.table('outbox').clear();
    old.close();
    const opened = await openDatabase({ name });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(await opened.db.unsentChanges.count()).toBe(0);
    expect(await opened.db.unsentChanges.add({ mutationUuid: 'u', issueId: 'issue-1' } as never)).toBe(41);
    opened.db.close();
  });

  it('files every queue row again when a phone upgrades from schema 8, so a follow-up without consent leaves the "Needs follow-up" filter', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(8).stores({
      meta: '&key',
      issues: '&id, eventId',
      queue: '&id',
      queuePages: '++id',
      unsentChanges: '++mutationId, issueId',
      refusedChanges: '&mutationId, issueId',
      drafts: '&key',
      people: '&id',
    });
    await old.open();
    const event = defaultEvent('festival', 'Europe/Amsterdam');
    const ctx = (n: number) => ({
      now: '2026-07-10T12:30:00.000Z',
      actor: { id: 'sam', name: 'Sam', role: 'coordinator' as const },
      mutationUuid: `m-${n}`,
    });
    const logged = (id: string, consentGiven: boolean) =>
      applyMutation(
        applyMutation(
          undefined,
          'createIssue',
          { id, eventId: event.id, category: 'lost-property', summary: id, consentGiven },
          ctx(1),
        ),
        'setFollowUp',
        { issueId: id, needed: true },
        ctx(2),
      );
    const withConsent = logged('01980000-0000-7000-8000-000000000010', true);
    const without = logged('01980000-0000-7000-8000-000000000011', false);
    await old.table('meta').put({ key: 'event', value: event });
    await old.table('issues').bulkPut([withConsent, without].map((issue) => ({ ...issue, serverVersion: 4 })));
    // As schema 8 filed them: "needs follow-up" whatever the consent.
    const oldRow = (issue: typeof without) => ({ id: issue.id, eventId: event.id, summary: issue.summary, needsFollowUp: true });
    await old.table('queuePages').add({ rows: [oldRow(withConsent)] });
    await old.table('queue').put(oldRow(without));
    old.close();

    const opened = await openDatabase({ name });
    if (!opened.ok) throw new Error(opened.error.message);
    const rows = await readQueueRows(opened.db);
    expect(rows.map((row) => [row.summary, row.needsFollowUp]).sort()).toEqual([
      [withConsent.id, true],
      [without.id, false],
    ]);
    expect((await opened.db.issues.get(without.id))?.serverVersion).toBe(4);
    opened.db.close();
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
