import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error';
import { earliestPlausibleMs, type JudgedTime, judgeDeviceTime, offlineAllowanceMs } from '../../domain/device-time';
import type { FestivalEvent } from '../../domain/event';
import { applyEventMutation } from '../../domain/event-mutations';
import { instantMs } from '../../domain/iso-instant';
import type { Issue } from '../../domain/issue';
import { changedByOthersSince, type FieldVersions, mergeServerChange, staleChangeConflict } from '../../domain/merge';
import { mutationTargetOf } from '../../domain/mutation-target';
import { applyMutation } from '../../domain/mutators';
import type { PushAnswer, PushedMutation, PushRequest, Refusal } from '../../domain/sync-protocol';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { readLastMutationId, saveDevicePush } from '../repositories/device-repository';
import {
  countIssuesInZone,
  lockEventChanges,
  readEvent,
  saveEventConfig,
  saveLastChangeSeq,
} from '../repositories/event-repository';
import { insertIssues, readIssueRows, type StoredIssueRow, updateIssue } from '../repositories/issue-repository';
import { readRefusals, recordRefusal } from '../repositories/refusal-repository';
import type { IssuesTable, ServerDatabase } from '../storage/schema';
import type { Storage } from '../storage/storage';

export interface PushResult extends PushAnswer {
  /** Highest change sequence after this push, for pokes. */
  changeSeq: number;
}

/**
 * One batch being applied inside its transaction: the issues it touches (read up front, kept
 * current as it goes), the event's settings (read when a change needs them), the next change
 * sequence and what was refused.
 */
class Batch {
  private stored = new Map<string, StoredIssueRow>();
  /** Issues new in this batch, inserted together at its end, many rows per statement. */
  private readonly inserts = new Map<string, IssuesTable>();
  private event: FestivalEvent | undefined;
  readonly refused: Refusal[] = [];

  constructor(
    private readonly trx: Kysely<ServerDatabase>,
    private readonly device: AuthenticatedDevice,
    /** Server time of the push: when refusals were recorded. */
    private readonly at: string,
    public seq: number,
  ) {}

  /**
   * The stored issues these mutations touch, read up front rather than one query per mutation;
   * and the event's days when a change claims a time too old to believe without them.
   */
  async prepare(mutations: PushedMutation[]): Promise<void> {
    const ids = new Set<string>();
    for (const mutation of mutations) {
      const target = mutationTargetOf(mutation.name, mutation.args);
      if (target?.kind === 'issue') ids.add(target.issueId);
    }
    this.stored = await readIssueRows(this.trx, [...ids]);
    const oldest = instantMs(this.at) - offlineAllowanceMs;
    if (mutations.some((m) => !(instantMs(m.createdAt) >= oldest))) await this.currentEvent();
  }

  /** The person who joined with this device: a phone cannot sign changes as someone else. */
  private person(): { id: string; name: string } {
    return { id: this.device.staff_id, name: this.device.staff_name };
  }

  /** When the change counts as made: the device's time, unless the server finds it impossible. */
  private timeOf(mutation: PushedMutation): JudgedTime {
    return judgeDeviceTime(mutation.createdAt, this.at, () =>
      earliestPlausibleMs(this.event ?? { days: [] }, instantMs(this.at)),
    );
  }

  async apply(mutation: PushedMutation): Promise<void> {
    const target = mutationTargetOf(mutation.name, mutation.args);
    try {
      if (target?.kind === 'event') await this.applyToEvent(mutation);
      else await this.applyToIssue(mutation, target?.issueId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await this.refuse(mutation, target?.kind === 'event', error);
    }
  }

  private async applyToIssue(mutation: PushedMutation, issueId: string | undefined): Promise<void> {
    const row = issueId ? this.stored.get(issueId) : undefined;
    const before = row ? (JSON.parse(row.data) as Issue) : undefined;
    if (row && row.event_id !== this.device.event_id) throw new AppError('forbidden', 'This issue belongs to another event.');
    if (mutation.name === 'createIssue' && (mutation.args as { eventId?: unknown })?.eventId !== this.device.event_id) {
      throw new AppError('forbidden', 'This device can only log issues for its own event.');
    }
    const actor = this.person();
    const time = this.timeOf(mutation);
    const fieldVersions = row ? (JSON.parse(row.field_versions) as FieldVersions) : {};
    let after: Issue;
    try {
      after = applyMutation(before, mutation.name, mutation.args, {
        now: time.at,
        deviceNow: time.deviceAt,
        // Who and with which role: the person and role the device joined with, whatever it claims.
        actor: { ...actor, role: this.device.role },
        mutationUuid: mutation.mutationUuid,
      });
    } catch (error) {
      const others = before ? changedByOthersSince(fieldVersions, mutation.baseVersion, this.device.id) : '';
      if (!(before && others && error instanceof AppError && error.kind === 'invalid-transition')) throw error;
      // Impossible only because someone else got there first: keep the issue as it is and put
      // both intentions on its timeline rather than silently dropping this one.
      const issue = staleChangeConflict(before, {
        name: mutation.name,
        args: mutation.args,
        mutationUuid: mutation.mutationUuid,
        now: time.at,
        actor,
        reason: error.message,
        others,
      });
      await this.writeIssue(before.id, { change_seq: this.nextSeq(), data: JSON.stringify(issue) });
      return;
    }
    if (after === before) {
      // Nothing changes here, but the phone already applied it to its own copy, which can differ
      // from ours (a staff phone does not see others' contact details): a new version sends the
      // phone our copy instead of leaving its guess in place until someone else changes the issue.
      await this.writeIssue(after.id, { change_seq: this.nextSeq() });
      return;
    }
    const seq = this.nextSeq();
    const merged = mergeServerChange({
      before,
      after,
      fieldVersions,
      baseVersion: mutation.baseVersion,
      deviceId: this.device.id,
      actor,
      seq,
      mutationUuid: mutation.mutationUuid,
      now: time.at,
    });
    const values = { change_seq: seq, data: JSON.stringify(merged.issue), field_versions: JSON.stringify(merged.fieldVersions) };
    if (row) await this.writeIssue(after.id, values);
    else {
      this.inserts.set(after.id, { ...values, id: after.id, event_id: this.device.event_id, reported_by_device: this.device.id });
      this.stored.set(after.id, { ...values, event_id: this.device.event_id });
    }
  }

  private async applyToEvent(mutation: PushedMutation): Promise<void> {
    const event = await this.currentEvent();
    const counts = await this.issueCountsOfRemovedZones(event, mutation.args);
    const next = applyEventMutation(event, mutation.name, mutation.args, {
      now: this.timeOf(mutation).at,
      actor: { ...this.person(), role: this.device.role },
      mutationUuid: mutation.mutationUuid,
      issuesInZone: (zoneId) => counts.get(zoneId) ?? 0,
    });
    // Stored under a new sequence even when nothing changed: the phone applied it to its own
    // copy, and the next pull sends it ours.
    this.event = next;
    await saveEventConfig(this.trx, next, this.nextSeq());
  }

  /** Zones the change would remove, with the issues still filed under them (stored or new in this batch). */
  private async issueCountsOfRemovedZones(event: FestivalEvent, args: unknown): Promise<Map<string, number>> {
    const proposed = (args as { zones?: unknown } | null)?.zones;
    const counts = new Map<string, number>();
    if (!Array.isArray(proposed)) return counts;
    const kept = new Set(proposed.map((zone) => (zone as { id?: unknown } | null)?.id));
    for (const zone of event.zones.filter((z) => !kept.has(z.id))) {
      let count = await countIssuesInZone(this.trx, this.device.event_id, zone.id);
      for (const row of this.inserts.values()) if ((JSON.parse(row.data) as Issue).zoneId === zone.id) count += 1;
      counts.set(zone.id, count);
    }
    return counts;
  }

  private async currentEvent(): Promise<FestivalEvent> {
    this.event ??= await readEvent(this.trx, this.device.event_id);
    return this.event;
  }

  private async refuse(mutation: PushedMutation, toEvent: boolean, error: AppError): Promise<void> {
    const refusal = {
      device_id: this.device.id,
      mutation_id: mutation.mutationId,
      mutation_uuid: mutation.mutationUuid,
      name: mutation.name,
      kind: error.kind,
      message: error.message,
      created_at: this.at,
    };
    await recordRefusal(this.trx, refusal);
    this.refused.push({
      mutationId: mutation.mutationId,
      mutationUuid: mutation.mutationUuid,
      kind: error.kind,
      message: error.message,
    });
    // The phone shows the refused settings already; a new version of ours puts them right.
    if (toEvent) await saveEventConfig(this.trx, await this.currentEvent(), this.nextSeq());
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private async writeIssue(id: string, values: Partial<IssuesTable>): Promise<void> {
    const pending = this.inserts.get(id);
    if (pending) this.inserts.set(id, { ...pending, ...values });
    else await updateIssue(this.trx, id, values);
    this.stored.set(id, { ...this.stored.get(id)!, ...values });
  }

  insertNewIssues(): Promise<void> {
    return insertIssues(this.trx, [...this.inserts.values()]);
  }
}

/**
 * Applies a device's batch in one transaction, in order, with the same mutators the phone ran:
 * 1. take the event's row (pushes of one event are serialised: change sequence order is commit order);
 * 2. skip what the device sent before (a resend is a no-op), or take nothing when the batch this
 *    one follows has not arrived (the answer's lastMutationId says where the server stands);
 * 3. apply each change to its issue or to the event's settings, refusing what the domain refuses
 *    (recorded and reported, never blocking the rest);
 * 4. store new issues, the event's last change sequence and the device's last mutation id.
 */
export async function applyPush(
  storage: Storage,
  device: AuthenticatedDevice,
  body: PushRequest,
  now: Date,
): Promise<PushResult> {
  if (body.deviceId !== device.id) throw new AppError('forbidden', 'A device may only send its own changes.');
  const mutations = body.mutations;
  for (let i = 1; i < mutations.length; i += 1) {
    if (mutations[i]!.mutationId <= mutations[i - 1]!.mutationId) {
      // A phone numbers its changes as it makes them; a batch out of order was not made by one.
      throw new AppError(
        'invalid',
        `Mutation ids in a push must be increasing; ${mutations[i]!.mutationId} follows ${mutations[i - 1]!.mutationId}. Nothing of this push was applied.`,
      );
    }
  }
  const at = now.toISOString();
  const result = await storage.db.transaction().execute(async (trx) => {
    const batch = new Batch(trx, device, at, await lockEventChanges(trx, device.event_id));
    let last = await readLastMutationId(trx, device.id);
    if (body.after !== undefined && last < body.after) {
      return { lastMutationId: last, changeSeq: batch.seq, refusedHere: null };
    }
    // A batch entirely new to the server can only hold the refusals recorded below; one sent
    // again may hold refusals recorded by the try whose answer was lost, so those are looked up.
    const isNew = mutations.every((m) => m.mutationId > last);
    const unseen = mutations.filter((m) => m.mutationId > last);
    await batch.prepare(unseen);
    for (const mutation of unseen) {
      last = mutation.mutationId;
      await batch.apply(mutation);
    }
    await batch.insertNewIssues();
    await saveLastChangeSeq(trx, device.event_id, batch.seq);
    await saveDevicePush(trx, device.id, last, at);
    return { lastMutationId: last, changeSeq: batch.seq, refusedHere: isNew ? batch.refused : null };
  });
  const { refusedHere, ...progress } = result;
  return {
    ...progress,
    refused:
      refusedHere ??
      (await readRefusals(
        storage.db,
        device.id,
        mutations.map((m) => m.mutationId),
      )),
  };
}
