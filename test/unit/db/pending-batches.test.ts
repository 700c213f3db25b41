import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { HelptentDatabase } from '../../../src/db/database';
import type { UnsentChange } from '../../../src/db/rows';
import { pendingEntriesAfter } from '../../../src/db/sync-repository';

let db: HelptentDatabase;
beforeEach(async () => {
  db = new HelptentDatabase(`pending-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Queues notes of the given lengths, numbered 1, 2, 3… as the outbox numbers them. */
async function queueNotes(lengths: number[]): Promise<void> {
  await db.unsentChanges.bulkAdd(
    lengths.map(
      (length): UnsentChange => ({
        mutationUuid: crypto.randomUUID(),
        name: 'addNote',
        args: { issueId: 'issue', text: 'x'.repeat(length) },
        issueId: 'issue',
        actor: { id: 'staff-sam', name: 'Sam', role: 'staff' },
        createdAt: '2026-07-01T12:00:00Z',
      }),
    ),
  );
}

const limits = {
  count: 3,
  bytes: 1_000,
  sizeOf: (entry: UnsentChange) => (entry.args as { text: string }).text.length,
};
const ids = (batch: { entries: UnsentChange[] }) => batch.entries.map((e) => e.mutationId);

it('a batch stops at the byte limit as well as at the count, and one change too big for any batch goes alone', async () => {
  await queueNotes([400, 400, 400, 5_000, 100, 100, 100, 100]);
  expect(await pendingEntriesAfter(db, 0, limits)).toMatchObject({ full: true });
  expect(ids(await pendingEntriesAfter(db, 0, limits))).toEqual([1, 2]);
  expect(ids(await pendingEntriesAfter(db, 2, limits))).toEqual([3]);
  expect(ids(await pendingEntriesAfter(db, 3, limits))).toEqual([4]);
  expect(await pendingEntriesAfter(db, 4, limits)).toEqual({ entries: expect.any(Array), full: true });
  expect(ids(await pendingEntriesAfter(db, 4, limits))).toEqual([5, 6, 7]);
  // The last one: nothing after it, so the pusher need not look again.
  expect(await pendingEntriesAfter(db, 7, limits)).toMatchObject({ full: false });
  expect(ids(await pendingEntriesAfter(db, 7, limits))).toEqual([8]);
});
