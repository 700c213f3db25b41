import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { saveEvent } from '../../../src/db/event-repository';
import { importIssues, readQueue } from '../../../src/db/issue-repository';
import { deleteQueueRows, queuePageRows } from '../../../src/db/queue-pages';
import { saveChange } from '../../../src/db/save-change';
import { applyPulledPage } from '../../../src/db/sync-repository';
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
    { now: '2026-07-10T12:00:00.000Z', actor: { id: 'staff-sam', name: 'Sam', role: 'staff' }, mutationId: newId() },
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
      mutationId: newId(),
    },
  );
}

let cursor = 0;
/** A page from the server, which had this phone's changes up to `lastMutationId` when it made it. */
async function pull(issues: { issue: Issue; version: number }[], pageEvent = event, lastMutationId = 0) {
  cursor += issues.length;
  await applyPulledPage(db, { event: pageEvent, lastMutationId, issues, cursor });
}

const summaries = async () => Object.fromEntries((await readQueue(db, event.id)).map((r) => [r.id, [r.summary, r.version]]));

describe('queue rows kept in pages', () => {
  it('shows the newest copy of each issue: a later version, or this phone’s save on top of the version it has', async () => {
    const lost = serverIssue('Lost phone');
    const other = serverIssue('Broken tap');
    await pull([
      { issue: lost, version: 1 },
      { issue: other, version: 2 },
    ]);
    expect(await summaries()).toEqual({ [lost.id]: ['Lost phone', 1], [other.id]: ['Broken tap', 2] });

    await pull([{ issue: retitled(lost, 'Lost phone, black case'), version: 3 }]);
    expect((await summaries())[lost.id]).toEqual(['Lost phone, black case', 3]);

    // Kim edits it here: the row of the save rests on version 3 and wins over the pulled one.
    await saveChange(db, event, {
      name: 'updateFields',
      args: { issueId: lost.id, fields: { summary: 'Lost phone, found at bar 2' } },
      context: { now: '2026-07-10T14:00:00.000Z', actor: kim, mutationId: newId() },
    });
    expect((await summaries())[lost.id]).toEqual(['Lost phone, found at bar 2', 3]);
    expect((await db.issues.get(lost.id))?.serverVersion).toBe(3);

    // Someone else's change arrives before Kim's reached the server: Kim's stays on top of it.
    await pull([{ issue: { ...retitled(lost, 'Lost phone, returned'), location: 'Info tent' }, version: 4 }]);
    expect((await summaries())[lost.id]).toEqual(['Lost phone, found at bar 2', 4]);
    expect((await readQueue(db, event.id)).find((r) => r.id === lost.id)?.location).toBe('Info tent');

    // The server's next version, made after it had Kim's edit, wins again.
    await pull([{ issue: retitled(lost, 'Lost phone, returned'), version: 5 }], event, 1);
    expect(await summaries()).toEqual({ [lost.id]: ['Lost phone, returned', 5], [other.id]: ['Broken tap', 2] });
  });

  it('writes a big pull as a few page records, not one record per issue', async () => {
    const issues = Array.from({ length: queuePageRows + 10 }, (_, i) => ({ issue: serverIssue(`Issue ${i}`), version: i + 1 }));
    await pull(issues);
    expect(await db.queuePages.count()).toBe(2);
    expect(await db.queue.count()).toBe(0);
    expect(await readQueue(db, event.id)).toHaveLength(queuePageRows + 10);
  });

  it('folds superseded rows and many small pages away once they pile up, keeping what the queue shows', async () => {
    const issues = Array.from({ length: 5 }, (_, i) => serverIssue(`Issue ${i}`));
    let version = 0;
    // Forty small pulls, as pokes bring them during a day, each changing the same five issues.
    for (let round = 0; round < 40; round++) {
      for (const issue of issues)
        await pull([{ issue: retitled(issue, `${issue.summary} (round ${round})`), version: ++version }]);
    }
    expect(await db.queuePages.count()).toBe(200);
    const before = await summaries();
    expect(before[issues[0]!.id]).toEqual(['Issue 0 (round 39)', 196]);

    await readQueue(db, event.id);
    await expect.poll(() => db.queuePages.count()).toBe(1);
    expect((await db.queuePages.toArray())[0]!.rows).toHaveLength(5);
    expect(await summaries()).toEqual(before);
  });

  it('leaves rows alone when there is nothing to fold', async () => {
    await pull([{ issue: serverIssue('Lost phone'), version: 1 }]);
    await pull([{ issue: serverIssue('Broken tap'), version: 2 }]);
    await readQueue(db, event.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.queuePages.count()).toBe(2);
  });

  it('removes an issue’s row from whichever page holds it', async () => {
    const [a, b, c] = [serverIssue('A'), serverIssue('B'), serverIssue('C')];
    await importIssues(db, event, [a, b]);
    await pull([{ issue: c, version: 1 }]);
    await db.transaction('rw', [db.queue, db.queuePages], () => deleteQueueRows(db, [a.id]));
    expect(Object.keys(await summaries()).sort()).toEqual([b.id, c.id].sort());
  });

  it('files pulled rows again when the event’s zones change, keeping their versions', async () => {
    const zoned = { ...serverIssue('Lost phone'), zoneId: event.zones[0]!.id };
    await pull([{ issue: zoned, version: 7 }]);
    const renamed = { ...event, zones: event.zones.map((z, i) => (i === 0 ? { ...z, name: 'Hilltop stage' } : z)) };
    await saveEvent(db, renamed);
    const [row] = await readQueue(db, event.id);
    expect(row?.searchText).toContain('hilltop stage');
    expect(row?.version).toBe(7);
  });

  it('files every row again when a pulled page brings a changed event', async () => {
    const zoned = { ...serverIssue('Lost phone'), zoneId: event.zones[0]!.id };
    await pull([{ issue: zoned, version: 1 }]);
    const renamed = { ...event, zones: event.zones.map((z, i) => (i === 0 ? { ...z, name: 'Hilltop stage' } : z)) };
    await pull([{ issue: serverIssue('Broken tap'), version: 2 }], renamed);
    const rows = await readQueue(db, event.id);
    expect(rows.find((r) => r.id === zoned.id)?.searchText).toContain('hilltop stage');
    expect(rows).toHaveLength(2);
  });
});
