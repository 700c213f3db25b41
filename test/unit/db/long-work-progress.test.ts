import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import { storeDemo } from '../../../src/db/demo-import';
import { readEventIssuesInSlices } from '../../../src/db/issue-slices';
import { defaultEvent } from '../../../src/domain/event';
import { applyMutation } from '../../../src/domain/mutators';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = defaultEvent('festival', 'Europe/Amsterdam');
const issues = Array.from({ length: 2500 }, (_, i) =>
  applyMutation(
    undefined,
    'createIssue',
    { id: uuidV7(Date.UTC(2026, 6, 10) + i, new Uint8Array(10)), eventId: 'festival', category: 'other', summary: `Issue ${i}` },
    { now: '2026-07-10T20:00:00.000Z', actor: { id: 's', name: 'Sam', role: 'staff' }, mutationUuid: `m${i}` },
  ),
);

let db: HelptentDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('loading demo data shows how far it got', () => {
  it('reports each slice stored, of how many, and stores them all', async () => {
    db = new HelptentDatabase(`demo-progress-${Math.random()}`);
    await db.open();
    const reports: string[] = [];
    await storeDemo(db, { event, issues }, (stored, total) => reports.push(`${stored} of ${total}`));
    expect(reports).toEqual(['0 of 2500', '1000 of 2500', '2000 of 2500', '2500 of 2500']);
    expect(await db.issues.count()).toBe(2500);
  });
});

describe('an export reads the issues it is built from a slice at a time', () => {
  it('counts every issue read, of all on the phone, and keeps only the event’s', async () => {
    db = new HelptentDatabase(`export-progress-${Math.random()}`);
    await db.open();
    const other = { ...defaultEvent('other', 'Europe/Amsterdam') };
    await storeDemo(db, { event, issues: issues.slice(0, 5) });
    await storeDemo(db, { event: other, issues: [{ ...issues[5]!, eventId: 'other' }] });
    const reports: string[] = [];
    const read = await readEventIssuesInSlices(db, 'festival', (done, total) => reports.push(`${done} of ${total}`), 2);
    expect(reports).toEqual(['0 of 6', '2 of 6', '4 of 6', '6 of 6']);
    expect(read.map((issue) => issue.summary).sort()).toEqual(['Issue 0', 'Issue 1', 'Issue 2', 'Issue 3', 'Issue 4']);
  });
});
