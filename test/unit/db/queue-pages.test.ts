import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { importIssues, readQueue } from '../../../src/db/issue-repository';
import { deleteQueueRows } from '../../../src/db/queue-pages';
import { queuePageRows } from '../../../src/db/queue-paging';
import { queueRowOf } from '../../../src/db/queue-row';
import { saveChange, saveEventChange } from '../../../src/db/save-change';
import { applyPulledPage, saveJoin } from '../../../src/db/sync-repository';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import type { Issue } from '../../../src/domain/issue';
import { applyMutation } from '../../../src/domain/mutators';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const kim: Actor = { id: 'staff-kim', name: 'Kim', role: 'coordinator' };
const event: FestivalEvent = defaultEvent('festival', 'Europe/Amsterdam');
let db: HelptentDatabase;
let n = 0;
const newId = () => uuidV7(Date.UTC(2026, 6, 10) + n, new Uint8Array(10).fill(++n % 250));

beforeEach(async () => {
  db = new HelptentDatabase(`queue-pages-test-${Math.random()}`);
  await db.open();
  await db.meta.put({ key: 'event', value: event });
});
afterEach(async () => {
  await db.delete();
});

/** An issue as another phone logged it and the server sends it. */
function serverIssue(summary: string, id = newId()): Issue {
  return applyMutation(
    undefined,
    'createIssue',
    { id, eventId: event.id, category: 'lost-property', summary },
    { now: '2026-07-10T12:00:00.000Z', actor: { id: 'staff-sam', name: 'Sam', role: 'staff' }, mutationUuid: newId() },
  );
}

function retitled(issue: Issue, summary: string): Issue {
  return applyMutation(
    issue,
    'updateFields',
    { issueId: issue.id, fields: { summary } },
    {
      now: '2026-07-10T13:00:00.000Z',
      actor: { id: 'staff-sam', name: 'Sam', role: 'staff' },
      mutationUuid: newId(),
    },
  );
}

let cursor = 0;
/** A page from the server, which had this phone's changes up to `lastMutationId` when it made it. */
async function pull(issues: { issue: Issue; version: number }[], pageEvent = event, lastMutationId = 0) {
  cursor += issues.length;
  await applyPulledPage(db, {
    event: pageEvent,
    people: [],
    device: { id: 'phone', role: 'staff', staffName: 'Sam' },
    lastMutationId,
    issues,
    cursor,
    hasMore: false,
  });
}

const summaries = async () => Object.fromEntries((await readQueue(db, event.id)).map((r) => [r.id, r.summary]));

/** What the queue shows must always be made from the issue as stored: the detail screen's copy. */
async function expectRowsMadeFromIssues() {
  const stored = await db.issues.toArray();
  const current = ((await db.meta.get('event'))?.value ?? event) as FestivalEvent;
  const rows = new Map((await readQueue(db, event.id)).map((row) => [row.id, row]));
  expect(rows.size).toBe(stored.length);
  for (const issue of stored) expect(rows.get(issue.id)).toEqual(queueRowOf(issue, current));
}

describe('queue rows kept in pages', () => {
  it('shows the newest copy of each issue: a later pull, or this phone’s save on top of what it has', async () => {
    const lost = serverIssue('Lost phone');
    const other = serverIssue('Broken tap');
    await pull([
      { issue: lost, version: 1 },
      { issue: other, version: 2 },
    ]);
    expect(await summaries()).toEqual({ [lost.id]: 'Lost phone', [other.id]: 'Broken tap' });

    await pull([{ issue: retitled(lost, 'Lost phone, black case'), version: 3 }]);
    expect((await summaries())[lost.id]).toBe('Lost phone, black case');

    // Kim edits it here: the row of the save wins over the pulled one.
    await saveChange(db, event, {
      name: 'updateFields',
      args: { issueId: lost.id, fields: { summary: 'Lost phone, found at bar 2' } },
      context: { now: '2026-07-10T14:00:00.000Z', actor: kim, mutationUuid: newId() },
    });
    expect((await summaries())[lost.id]).toBe('Lost phone, found at bar 2');
    expect((await db.issues.get(lost.id))?.serverVersion).toBe(3);
    await expectRowsMadeFromIssues();

    // Someone else's change arrives before Kim's reached the server: Kim's stays on top of it.
    await pull([{ issue: { ...retitled(lost, 'Lost phone, returned'), location: 'Info tent' }, version: 4 }]);
    expect((await summaries())[lost.id]).toBe('Lost phone, found at bar 2');
    expect((await readQueue(db, event.id)).find((r) => r.id === lost.id)?.location).toBe('Info tent');
    await expectRowsMadeFromIssues();

    // The server's next version, made after it had Kim's edit, wins again.
    await pull([{ issue: retitled(lost, 'Lost phone, returned'), version: 5 }], event, 1);
    expect(await summaries()).toEqual({ [lost.id]: 'Lost phone, returned', [other.id]: 'Broken tap' });
    await expectRowsMadeFromIssues();
  });

  it('shows the server’s copy when the same version comes again after a refused save (joining again)', async () => {
    const lost = serverIssue('Lost phone');
    await pull([{ issue: { ...lost, attendee: { ...lost.attendee, name: 'Ada Lovelace' } }, version: 1 }]);
    await saveChange(db, event, {
      name: 'updateFields',
      args: { issueId: lost.id, fields: { summary: 'Lost phone, black case' } },
      context: { now: '2026-07-10T14:00:00.000Z', actor: kim, mutationUuid: newId() },
    });
    // The server refused the edit (outbox entry 1), so the issue is still at version 1; the phone
    // joins again as staff and every issue comes again from the start, without contact details.
    await pull([{ issue: lost, version: 1 }], event, 1);
    await expectRowsMadeFromIssues();
    const [row] = await readQueue(db, event.id);
    expect(row?.summary).toBe('Lost phone');
    expect(row?.searchText).not.toContain('ada lovelace');
  });

  it('writes a big pull as a few page records, not one record per issue', async () => {
    const issues = Array.from({ length: queuePageRows + 10 }, (_, i) => ({ issue: serverIssue(`Issue ${i}`), version: i + 1 }));
    await pull(issues);
    expect(await db.queuePages.count()).toBe(2);
    expect(await db.queue.count()).toBe(0);
    expect(await readQueue(db, event.id)).toHaveLength(queuePageRows + 10);
  });

  it('folds superseded rows and many small pages away once they pile up, while the queue is watched live', async () => {
    const issues = Array.from({ length: 5 }, (_, i) => serverIssue(`Issue ${i}`));
    let version = 0;
    // Forty small pulls, as pokes bring them during a day, each changing the same five issues.
    for (let round = 0; round < 40; round++) {
      for (const issue of issues)
        await pull([{ issue: retitled(issue, `${issue.summary} (round ${round})`), version: ++version }]);
    }
    expect(await db.queuePages.count()).toBe(200);
    const before = await summaries();
    expect(before[issues[0]!.id]).toBe('Issue 0 (round 39)');

    // As the queue screen reads it: inside a live query, which must not write itself.
    const seen: number[] = [];
    const subscription = liveQuery(() => readQueue(db, event.id)).subscribe({ next: (rows) => seen.push(rows.length) });
    try {
      await expect.poll(() => db.queuePages.count()).toBe(1);
      // The live query reports after the fold on a busy machine too: wait for it, never for a time.
      await expect.poll(() => seen.at(-1)).toBe(5);
    } finally {
      subscription.unsubscribe();
    }
    expect((await db.queuePages.toArray())[0]!.rows).toHaveLength(5);
    expect(await summaries()).toEqual(before);
    await expectRowsMadeFromIssues();
  });

  it('folds only the small pages when the big ones hold live rows, keeping newer rows of later pages on top', async () => {
    const many = Array.from({ length: queuePageRows }, (_, i) => serverIssue(`Issue ${i}`));
    await pull(many.map((issue, i) => ({ issue, version: i + 1 })));
    let version = queuePageRows;
    // Ten small pulls change the first issue; then a big page changes it again, later than them.
    for (let round = 0; round < 10; round++) {
      await pull([{ issue: retitled(many[0]!, `Issue 0 (round ${round})`), version: ++version }]);
      await pull([{ issue: serverIssue(`New ${round}`), version: ++version }]);
    }
    const [bigPage] = await db.queuePages.toArray();
    await pull(
      many
        .slice(0, queuePageRows / 2 + 1)
        .map((issue) => ({ issue: retitled(issue, `${issue.summary}, seen`), version: ++version })),
    );
    const before = await summaries();
    expect(before[many[0]!.id]).toBe('Issue 0, seen');

    await readQueue(db, event.id);
    await expect.poll(async () => await db.queuePages.count()).toBe(3);
    const pages = await db.queuePages.toArray();
    expect(pages[0]).toEqual(bigPage);
    // The folded page holds only rows still the latest: the ten new issues, not the retitled one.
    expect(
      pages
        .at(-1)!
        .rows.map((row) => row.summary)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `New ${i}`).sort());
    expect(await summaries()).toEqual(before);
    await expectRowsMadeFromIssues();
  });

  it('leaves rows alone when there is nothing to fold', async () => {
    await pull([{ issue: serverIssue('Lost phone'), version: 1 }]);
    await pull([{ issue: serverIssue('Broken tap'), version: 2 }]);
    await readQueue(db, event.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.queuePages.count()).toBe(2);
  });

  it('removes an issue’s row from whichever page holds it', async () => {
    const [a, b, c] = [serverIssue('A'), serverIssue('B'), serverIssue('C')];
    await importIssues(db, event, [a, b]);
    await pull([{ issue: c, version: 1 }]);
    await db.transaction('rw', [db.queue, db.queuePages], () => deleteQueueRows(db, [a.id]));
    expect(Object.keys(await summaries()).sort()).toEqual([b.id, c.id].sort());
  });

  it('files every row again when the event’s zones change, saved rows included', async () => {
    const zoned = { ...serverIssue('Lost phone'), zoneId: event.zones[0]!.id };
    await pull([{ issue: zoned, version: 7 }]);
    await saveChange(db, event, {
      name: 'createIssue',
      args: { id: newId(), eventId: event.id, category: 'lost-property', summary: 'Lost keys', zoneId: event.zones[0]!.id },
      context: { now: '2026-07-10T14:00:00.000Z', actor: kim, mutationUuid: newId() },
    });
    const zones = event.zones.map((z, i) => (i === 0 ? { ...z, name: 'Hilltop stage' } : z));
    await saveEventChange(db, {
      name: 'setZones',
      args: { zones },
      context: { now: '2026-07-10T14:05:00.000Z', actor: kim, mutationUuid: newId() },
    });
    const rows = await readQueue(db, event.id);
    expect(rows.map((row) => row.searchText.includes('hilltop stage'))).toEqual([true, true]);
    await expectRowsMadeFromIssues();
  });

  it('files every row again when a pulled page brings a changed event', async () => {
    const zoned = { ...serverIssue('Lost phone'), zoneId: event.zones[0]!.id };
    await pull([{ issue: zoned, version: 1 }]);
    const renamed = { ...event, zones: event.zones.map((z, i) => (i === 0 ? { ...z, name: 'Hilltop stage' } : z)) };
    await pull([{ issue: serverIssue('Broken tap'), version: 2 }], renamed);
    const rows = await readQueue(db, event.id);
    expect(rows.find((r) => r.id === zoned.id)?.searchText).toContain('hilltop stage');
    expect(rows).toHaveLength(2);
    await expectRowsMadeFromIssues();
  });

  it('files every row again when joining the same event brings it changed', async () => {
    const zoned = { ...serverIssue('Lost phone'), zoneId: event.zones[0]!.id };
    await pull([{ issue: zoned, version: 1 }]);
    const renamed = { ...event, zones: event.zones.map((z, i) => (i === 0 ? { ...z, name: 'Hilltop stage' } : z)) };
    const state = {
      token: 't',
      role: 'staff' as const,
      staffName: 'Kim',
      eventId: event.id,
      cursor: 0,
      lastSyncedAt: null,
      lastError: null,
    };
    await saveJoin(db, state, renamed);
    expect((await readQueue(db, event.id))[0]?.searchText).toContain('hilltop stage');
    await expectRowsMadeFromIssues();
  });
});
