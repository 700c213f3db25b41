import { AppError } from '../../domain/app-error';
import type { Issue } from '../../domain/issue';
import { changedByOthersSince, type FieldVersions, mergeServerChange, staleChangeConflict } from '../../domain/merge';
import { applyMutation } from '../../domain/mutators';
import type { AuthenticatedDevice } from '../auth/authenticate';
import type { IssuesTable, RejectionsTable } from '../storage/schema';
import type { Storage } from '../storage/storage';
import type { PushBody } from './sync-schemas';

export interface Rejection {
  id: number;
  mutationId: string;
  kind: string;
  message: string;
}

export interface PushResult {
  lastMutationId: number;
  rejected: Rejection[];
  /** Highest change sequence after this push, for pokes. */
  changeSeq: number;
}

/** Ids per lookup and rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const chunkSize = 500;

function issueIdOf(name: string, args: unknown): string | null {
  const record = (args ?? {}) as { id?: unknown; issueId?: unknown };
  const id = name === 'createIssue' ? record.id : record.issueId;
  return typeof id === 'string' ? id : null;
}

/**
 * Applies a device's batch in one transaction, in order, with the same mutators the phone ran.
 * Mutations at or below the device's last applied id are skipped, so a resend is a no-op. A
 * batch sent `after` one that has not been applied is not taken at all (the answer's
 * lastMutationId tells the device where the server stands). A mutation the domain refuses is
 * recorded as rejected (and reported) without blocking the rest.
 */
export async function applyPush(storage: Storage, device: AuthenticatedDevice, body: PushBody, now: Date): Promise<PushResult> {
  if (body.clientId !== device.id) {
    throw new AppError('forbidden', 'A device may only send its own changes.');
  }
  const mutations = [...body.mutations].sort((a, b) => a.id - b.id);
  const at = now.toISOString();
  const result = await storage.db.transaction().execute(async (trx) => {
    // Taking the event row first serialises pushes per event: change sequence order is commit order.
    const event = await trx
      .updateTable('events')
      .set((eb) => ({ last_change_seq: eb.ref('last_change_seq') }))
      .where('id', '=', device.event_id)
      .returning('last_change_seq')
      .executeTakeFirstOrThrow();
    const fresh = await trx
      .selectFrom('devices')
      .select('last_mutation_id')
      .where('id', '=', device.id)
      .executeTakeFirstOrThrow();
    let seq = event.last_change_seq;
    let last = fresh.last_mutation_id;
    if (body.after !== undefined && last < body.after) {
      // The batch before it has not arrived (or failed): take nothing, and say how far we are.
      return { lastMutationId: last, changeSeq: seq, refusedHere: null };
    }
    // A batch entirely new to the server can only hold the refusals recorded below; one sent
    // again may hold refusals recorded by the try whose answer was lost, so those are looked up.
    const refusedHere: Rejection[] | null = mutations.every((m) => m.id > last) ? [] : null;
    // The stored issues this batch touches, read in one query per 500 ids rather than one per
    // mutation (on PostgreSQL every statement is a round trip), and kept current as it applies.
    const touched = new Set<string>();
    for (const mutation of mutations) {
      const issueId = mutation.id > last ? issueIdOf(mutation.name, mutation.args) : null;
      if (issueId) touched.add(issueId);
    }
    const stored = new Map<string, Pick<IssuesTable, 'data' | 'field_versions' | 'event_id'>>();
    const ids = [...touched];
    for (let start = 0; start < ids.length; start += chunkSize) {
      const found = await trx
        .selectFrom('issues')
        .select(['id', 'data', 'field_versions', 'event_id'])
        .where('id', 'in', ids.slice(start, start + chunkSize))
        .execute();
      for (const { id, ...row } of found) stored.set(id, row);
    }
    // Issues new in this batch are inserted together at its end, many rows per statement.
    const inserts = new Map<string, IssuesTable>();
    const write = async (id: string, values: Partial<IssuesTable>) => {
      const pending = inserts.get(id);
      if (pending) inserts.set(id, { ...pending, ...values });
      else await trx.updateTable('issues').set(values).where('id', '=', id).execute();
      const current = stored.get(id)!;
      stored.set(id, { ...current, ...values });
    };
    for (const mutation of mutations) {
      if (mutation.id <= last) continue;
      last = mutation.id;
      const issueId = issueIdOf(mutation.name, mutation.args);
      const row = issueId ? stored.get(issueId) : undefined;
      const before = row ? (JSON.parse(row.data) as Issue) : undefined;
      const actor = { id: mutation.actor.id, name: mutation.actor.name };
      try {
        if (row && row.event_id !== device.event_id) throw new AppError('forbidden', 'This issue belongs to another event.');
        if (mutation.name === 'createIssue' && (mutation.args as { eventId?: unknown })?.eventId !== device.event_id) {
          throw new AppError('forbidden', 'This device can only log issues for its own event.');
        }
        const after = applyMutation(before, mutation.name, mutation.args, {
          now: mutation.createdAt,
          // The name is the person on a shared phone; the role is always the device's.
          actor: { ...actor, role: device.role },
          mutationId: mutation.mutationId,
        });
        if (after === before) {
          // Nothing changes here, but the phone already applied it to its own copy, which can
          // differ from ours (a staff phone does not see others' contact details): a new version
          // sends the phone our copy instead of leaving its guess in place until someone else
          // happens to change the issue.
          seq += 1;
          await write(after.id, { change_seq: seq });
          continue;
        }
        seq += 1;
        const merged = mergeServerChange({
          before,
          after,
          fieldVersions: row ? (JSON.parse(row.field_versions) as FieldVersions) : {},
          baseVersion: mutation.baseVersion,
          deviceId: device.id,
          actor,
          seq,
          mutationId: mutation.mutationId,
          now: mutation.createdAt,
        });
        const values = {
          change_seq: seq,
          data: JSON.stringify(merged.issue),
          field_versions: JSON.stringify(merged.fieldVersions),
        };
        if (row) await write(after.id, values);
        else {
          inserts.set(after.id, { ...values, id: after.id, event_id: device.event_id, reported_by_device: device.id });
          stored.set(after.id, { ...values, event_id: device.event_id });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const fieldVersions = row ? (JSON.parse(row.field_versions) as FieldVersions) : {};
        const others = before ? changedByOthersSince(fieldVersions, mutation.baseVersion, device.id) : '';
        if (before && others && error.kind === 'invalid-transition') {
          // Impossible only because someone else got there first: keep the issue as it is and
          // put both intentions on its timeline rather than silently dropping this one.
          seq += 1;
          const issue = staleChangeConflict(before, {
            name: mutation.name,
            args: mutation.args,
            mutationId: mutation.mutationId,
            now: mutation.createdAt,
            actor,
            reason: error.message,
            others,
          });
          await write(before.id, { change_seq: seq, data: JSON.stringify(issue) });
          continue;
        }
        const refusal = {
          device_id: device.id,
          mutation_id: mutation.id,
          mutation_uuid: mutation.mutationId,
          name: mutation.name,
          kind: error.kind,
          message: error.message,
          created_at: at,
        };
        await trx.insertInto('rejections').values(refusal).execute();
        refusedHere?.push(rejectionOf(refusal));
      }
    }
    const newRows = [...inserts.values()];
    for (let start = 0; start < newRows.length; start += chunkSize) {
      await trx
        .insertInto('issues')
        .values(newRows.slice(start, start + chunkSize))
        .execute();
    }
    await trx.updateTable('events').set({ last_change_seq: seq }).where('id', '=', device.event_id).execute();
    await trx
      .updateTable('devices')
      .set({ last_mutation_id: last, last_pushed_at: at, last_seen_at: at })
      .where('id', '=', device.id)
      .execute();
    return { lastMutationId: last, changeSeq: seq, refusedHere };
  });
  const { refusedHere, ...progress } = result;
  return { ...progress, rejected: refusedHere ?? (await recordedRejections(storage, device, mutations)) };
}

/** Rejections of this batch, including ones recorded by an earlier try whose answer was lost. */
async function recordedRejections(
  storage: Storage,
  device: AuthenticatedDevice,
  mutations: PushBody['mutations'],
): Promise<Rejection[]> {
  const ids = mutations.map((m) => m.id);
  if (ids.length === 0) return [];
  const rows = await storage.db
    .selectFrom('rejections')
    .select(['mutation_id', 'mutation_uuid', 'kind', 'message'])
    .where('device_id', '=', device.id)
    .where('mutation_id', 'in', ids)
    .orderBy('mutation_id')
    .execute();
  return rows.map(rejectionOf);
}

function rejectionOf(row: Pick<RejectionsTable, 'mutation_id' | 'mutation_uuid' | 'kind' | 'message'>): Rejection {
  return { id: row.mutation_id, mutationId: row.mutation_uuid, kind: row.kind, message: row.message };
}
