import type { FestivalEvent } from '../domain/event';
import { applyEventMutation, type EventMutationName } from '../domain/event-mutations';
import type { Issue } from '../domain/issue';
import type { MutationName } from '../domain/mutation-args';
import { outboxKeyOf } from '../domain/mutation-target';
import { applyMutation, type MutationContext } from '../domain/mutators';
import { storableDeep } from '../domain/storable-text';
import type { HelptentDatabase } from './database';
import { readEvent } from './event-repository';
import { filesRowsDifferently, refileQueueRows } from './queue-pages';
import { queueRowOf } from './queue-row';
import { withReopenRetry } from './retry';
import type { StoredIssue, UnsentChange } from './rows';

export interface ChangeRequest {
  name: MutationName;
  args: unknown;
  context: MutationContext;
  /** A draft that this change makes obsolete (the capture form after a save). */
  clearDraftKey?: string;
}

export interface SavedChange {
  issue: Issue;
  /** This device's mutation id for the change, as the outbox numbers it. */
  mutationId: number;
}

/** The outbox entry of a change: '' as the issue id files a change to the event's settings. */
function outboxEntryOf(
  change: { name: MutationName; args: unknown; context: MutationContext },
  issueId: string,
  baseVersion: number,
): UnsentChange {
  const { mutationUuid, actor, now } = change.context;
  return {
    mutationUuid,
    name: change.name,
    args: change.args,
    issueId,
    actor: { id: actor.id, name: actor.name, role: actor.role },
    createdAt: now,
    baseVersion,
  };
}

/**
 * Applies a named mutation and queues it for the server in ONE transaction: the issue, its
 * queue row and the outbox entry are all written, or none is. Only when this resolves may the
 * UI say "saved on this phone".
 */
export async function saveChange(db: HelptentDatabase, event: FestivalEvent, typed: ChangeRequest): Promise<SavedChange> {
  return withReopenRetry(db, () => db.transaction('rw', changeTables(db), () => writeChange(db, event, typed)));
}

/**
 * Several changes that belong together (both sides of a lost-property match) in ONE transaction:
 * saved one after the other, a person who left the screen after the first kept half a match.
 */
export async function saveChanges(
  db: HelptentDatabase,
  event: FestivalEvent,
  typed: readonly ChangeRequest[],
): Promise<SavedChange[]> {
  return withReopenRetry(db, () =>
    db.transaction('rw', changeTables(db), async () => {
      const saved: SavedChange[] = [];
      for (const change of typed) saved.push(await writeChange(db, event, change));
      return saved;
    }),
  );
}

/** The stores `writeChange` writes: a transaction that calls it must include them all. */
export function changeTables(db: HelptentDatabase) {
  return [db.issues, db.queue, db.unsentChanges, db.drafts];
}

/**
 * The writes of `saveChange`, inside the caller's transaction (over `changeTables` and whatever
 * else it writes with the change, such as a photo's files), so they commit or fail together.
 */
export async function writeChange(db: HelptentDatabase, event: FestivalEvent, typed: ChangeRequest): Promise<SavedChange> {
  const change = { ...typed, args: storableDeep(typed.args) };
  const issueId = outboxKeyOf(change.name, change.args);
  const current = issueId ? await db.issues.get(issueId) : undefined;
  const baseVersion = current?.serverVersion ?? 0;
  const issue: StoredIssue = {
    ...applyMutation(current, change.name, change.args, change.context),
    serverVersion: baseVersion,
  };
  await db.issues.put(issue);
  await db.queue.put(queueRowOf(issue, event));
  const mutationId = await db.unsentChanges.add(outboxEntryOf(change, issue.id, baseVersion));
  if (change.clearDraftKey) await db.drafts.delete(change.clearDraftKey);
  return { issue, mutationId: mutationId as number };
}

export interface SavedEventChange {
  event: FestivalEvent;
  /** This device's mutation id for the change; null when it changed nothing and was not queued. */
  mutationId: number | null;
}

export interface EventChangeRequest {
  name: EventMutationName;
  args: unknown;
  context: MutationContext;
}

/**
 * Applies a change to the festival settings and queues it for the server in ONE transaction,
 * like an issue change: the phone shows it at once (every queue row is filed again under the
 * new day start, timezone and zones) and the server applies it in its order, for every phone.
 */
export async function saveEventChange(db: HelptentDatabase, typed: EventChangeRequest): Promise<SavedEventChange> {
  const change = { ...typed, args: storableDeep(typed.args) };
  return withReopenRetry(db, () =>
    db.transaction('rw', [db.meta, db.issues, db.queue, db.queuePages, db.unsentChanges], async () => {
      const current = (await readEvent(db))!;
      const issues = await db.issues.where('eventId').equals(current.id).toArray();
      const next = applyEventMutation(current, change.name, change.args, {
        ...change.context,
        issuesInZone: (zoneId) => issues.filter((issue) => issue.zoneId === zoneId).length,
      });
      if (next === current) return { event: current, mutationId: null };
      await db.meta.put({ key: 'event', value: next });
      if (filesRowsDifferently(current, next)) await refileQueueRows(db, next);
      // The settings carry no version of their own: a later arrival simply applies.
      const mutationId = await db.unsentChanges.add(outboxEntryOf(change, '', 0));
      return { event: next, mutationId: mutationId as number };
    }),
  );
}
