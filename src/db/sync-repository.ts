import type { FestivalEvent } from '../domain/event';
import { applyEventMutation } from '../domain/event-mutations';
import { applyMutation, type MutationContext } from '../domain/mutators';
import { sameValue } from '../domain/same-value';
import type { Role } from '../domain/staff';
import type { PullPage, Refusal } from '../domain/sync-protocol';
import { cleanRefusedChanges } from './attendee-data-removal';
import type { HelptentDatabase } from './database';
import { putPeople } from './people-repository';
import { deleteQueueRows, fileQueueRowsInBulk, filesRowsDifferently, refileQueueRows } from './queue-pages';
import type { StoredIssue, UnsentChange } from './rows';
import { type CatchUp, maxSetAside, type SyncState, syncStateKey, type UnreadableRow } from './sync-state';

/**
 * Joining moves everything logged before joining into the server's event, so the first push
 * carries it there instead of being refused as another event's.
 */
export async function saveJoin(db: HelptentDatabase, state: SyncState, event: FestivalEvent): Promise<void> {
  await db.transaction('rw', [db.meta, db.issues, db.queue, db.queuePages, db.unsentChanges, db.people], async () => {
    const previous = (await db.meta.get('event'))?.value as FestivalEvent | undefined;
    await db.meta.put({ key: syncStateKey, value: state });
    await db.meta.put({ key: 'event', value: event });
    if (previous && previous.id !== event.id) {
      // Another event's people are not this one's; the first pull brings the new directory.
      await db.people.clear();
      // Never on this server yet: version 0, whatever another event's server had said.
      const moved = (await db.issues.where('eventId').equals(previous.id).toArray()).map((issue) => ({
        ...issue,
        eventId: event.id,
        serverVersion: 0,
      }));
      await db.issues.bulkPut(moved);
      await fileQueueRowsInBulk(db, moved, event);
      await db.unsentChanges
        .filter((entry) => entry.name === 'createIssue')
        .modify((entry) => {
          entry.args = { ...(entry.args as object), eventId: event.id };
        });
    } else if (previous && filesRowsDifferently(previous, event)) {
      // The same event, changed since this phone last heard of it (zones, days): the first pull
      // will find it unchanged, so the rows are filed again now.
      await refileQueueRows(db, event);
    }
  });
}

/** How far one push batch may grow: `count` changes, or `bytes` as measured by `sizeOf`. */
export interface BatchLimits {
  count: number;
  bytes: number;
  sizeOf(entry: UnsentChange): number;
}

/** A batch read from the outbox; `full` when it stopped at a limit, so more may wait after it. */
export interface PendingBatch {
  entries: UnsentChange[];
  full: boolean;
}

/**
 * The oldest changes still to send, after the ones already on their way (`afterSeq`), up to the
 * count and the size of a batch. The first always goes, however big: a change that cannot be
 * sent alone can never be sent.
 */
export async function pendingEntriesAfter(db: HelptentDatabase, afterSeq: number, limits: BatchLimits): Promise<PendingBatch> {
  // Read by count in one go (IndexedDB's getAll, much faster than a cursor), then cut by size.
  const read = await db.unsentChanges.where('mutationId').above(afterSeq).limit(limits.count).toArray();
  let bytes = 0;
  for (const [i, entry] of read.entries()) {
    bytes += limits.sizeOf(entry);
    if (i > 0 && bytes > limits.bytes) return { entries: read.slice(0, i), full: true };
  }
  return { entries: read, full: read.length === limits.count };
}

/** The outbox entries one push carried: every entry from `first` to `last` when it was read. */
export interface SentBatch {
  first: number;
  last: number;
}

/**
 * After a push: the batch's acknowledged entries leave the outbox; refused ones move aside with
 * the reason. Only this batch's entries: the answer lists the refusals among them alone, so an
 * entry of another batch (whose answer was lost) must wait for an answer that speaks of it,
 * even if the server says it got that far.
 */
export async function settlePush(
  db: HelptentDatabase,
  batch: SentBatch,
  lastMutationId: number,
  refused: Refusal[],
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.unsentChanges, db.refusedChanges], async () => {
    for (const r of refused) {
      const entry =
        r.mutationId >= batch.first && r.mutationId <= batch.last ? await db.unsentChanges.get(r.mutationId) : undefined;
      if (entry) {
        const said = r.phrase ? { phrase: r.phrase } : {};
        await db.refusedChanges.put({ ...entry, kind: r.kind, message: r.message, ...said, rejectedAt: now });
      }
    }
    const upTo = Math.min(batch.last, lastMutationId);
    if (upTo >= batch.first) await db.unsentChanges.where('mutationId').between(batch.first, upTo, true, true).delete();
  });
}

/**
 * Re-applies this person's unsent changes on top of the server's newer copy (of an issue, or of
 * the event's settings). One that no longer applies is skipped: the server will say why when it
 * arrives there.
 */
function replay<T>(
  copy: T,
  pending: UnsentChange[] | undefined,
  apply: (copy: T, entry: UnsentChange, ctx: MutationContext) => T,
): T {
  let local = copy;
  for (const entry of pending ?? []) {
    try {
      local = apply(local, entry, {
        now: entry.createdAt,
        actor: { id: entry.actor.id, name: entry.actor.name, role: entry.actor.role as Role },
        mutationUuid: entry.mutationUuid,
      });
    } catch {
      // Left for the server's word.
    }
  }
  return local;
}

function byIssue(entries: UnsentChange[]): Map<string, UnsentChange[]> {
  const grouped = new Map<string, UnsentChange[]>();
  for (const entry of entries) {
    const list = grouped.get(entry.issueId);
    if (list) list.push(entry);
    else grouped.set(entry.issueId, [entry]);
  }
  return grouped;
}

/**
 * Issues whose attendee's personal data the server has just removed (an erasure, the retention
 * period): the queue's earlier rows of them, kept in pages until compacted, go now, in the
 * caller's transaction; the rows filed next hold what is left. Refused changes of them are kept,
 * cleaned the way a signed-out phone cleans them.
 */
async function forgetRemovedPersonalData(db: HelptentDatabase, issues: StoredIssue[]): Promise<void> {
  const removed = issues.filter((issue) => issue.personalDataRemoved);
  if (removed.length === 0) return;
  const before = await db.issues.bulkGet(removed.map((issue) => issue.id));
  const newly = removed.filter((issue, i) => before[i] && !sameValue(before[i]!.personalDataRemoved, issue.personalDataRemoved));
  if (newly.length === 0) return;
  await deleteQueueRows(
    db,
    newly.map((issue) => issue.id),
  );
  // Changes the server refused are kept to be read; what they said of the attendee goes.
  const attendeeOf = new Map(before.filter((issue) => issue !== undefined).map((issue) => [issue.id, issue.attendee]));
  await cleanRefusedChanges(db.refusedChanges.where('issueId').anyOf(newly.map((issue) => issue.id)), attendeeOf);
}

/** Issues copied into the database per write while storing a pulled page. */
const writeSlice = 250;

/**
 * The catch-up after a page of `rows` issues: still under way while pages come full, counted on
 * from where a round before it stopped; null once a page says nothing more is waiting.
 */
export function catchUpAfter(
  before: CatchUp | null | undefined,
  page: Pick<PullPage, 'hasMore' | 'remaining'>,
  rows: number,
): CatchUp | null {
  if (!page.hasMore) return null;
  const fetched = (before?.fetched ?? 0) + rows;
  return { fetched, total: page.remaining === undefined ? null : fetched + page.remaining };
}

/**
 * Stores one pulled page and its cursor in one transaction. What this person typed and the
 * server has not seen yet is re-applied on top of the server's copy, so it never disappears.
 * Changes the server already had when it made the page are in that copy (or were refused) and
 * are not re-applied; they stay in the outbox until a push answer says which, if any, the
 * server refused.
 */
export async function applyPulledPage(db: HelptentDatabase, page: PullPage, unreadable: UnreadableRow[] = []): Promise<void> {
  const tables = [db.meta, db.issues, db.queue, db.queuePages, db.unsentChanges, db.people, db.refusedChanges];
  await db.transaction('rw', tables, async () => {
    const pending = byIssue(await db.unsentChanges.where('mutationId').above(page.lastMutationId).toArray());
    const current = (await db.meta.get('event'))?.value as FestivalEvent | undefined;
    let event = current;
    if (page.event) {
      // The server's settings, with what this coordinator changed and has not sent yet on top.
      // Zones were checked for issues when the change was saved; the server checks again.
      event = replay(page.event, pending.get(''), (copy, entry, ctx) =>
        applyEventMutation(copy, entry.name, entry.args, { ...ctx, issuesInZone: () => 0 }),
      );
      if (!sameValue(current, event)) await db.meta.put({ key: 'event', value: event });
    }
    if (!event) return;
    const issues: StoredIssue[] = page.issues.map(({ issue, version }) => ({
      ...replay(issue, pending.get(issue.id), (copy, entry, ctx) => applyMutation(copy, entry.name, entry.args, ctx)),
      serverVersion: version,
    }));
    await forgetRemovedPersonalData(db, issues);
    // A few hundred at a time: each bulkPut copies its rows on the main thread, and between them
    // the page gets its turn while the database writes (the transaction stays open meanwhile).
    for (let start = 0; start < issues.length; start += writeSlice) {
      await db.issues.bulkPut(issues.slice(start, start + writeSlice));
    }
    if (filesRowsDifferently(current, event)) await refileQueueRows(db, event);
    else await fileQueueRowsInBulk(db, issues, event);
    await putPeople(db, page.people);
    const state = (await db.meta.get(syncStateKey))?.value as SyncState | undefined;
    if (state) {
      // What this phone shows and allows follows the role the server grants it now.
      const setAside = unreadable.length > 0 ? [...(state.setAside ?? []), ...unreadable].slice(-maxSetAside) : state.setAside;
      await db.meta.put({
        key: syncStateKey,
        value: {
          ...state,
          cursor: page.cursor,
          role: page.device.role,
          catchUp: catchUpAfter(state.catchUp, page, page.issues.length + unreadable.length),
          ...(setAside ? { setAside } : {}),
        },
      });
    }
  });
}
