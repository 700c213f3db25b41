import type { Kysely } from 'kysely';
import { alertsRaisedBy, type RaisedAlert } from '../../domain/alerts';
import { AppError } from '../../domain/app-error';
import { settingsChangeDetail } from '../../domain/audit';
import { earliestPlausibleMs, type JudgedTime, judgeDeviceTime, offlineAllowanceMs } from '../../domain/device-time';
import type { FestivalEvent } from '../../domain/event';
import { applyEventMutation } from '../../domain/event-mutations';
import { instantMs } from '../../domain/iso-instant';
import type { Issue } from '../../domain/issue';
import { mayDeviceSeeIssue } from '../../domain/issue-visibility';
import { changedByOthersSince, type FieldVersions, mergeServerChange, staleChangeConflict } from '../../domain/merge';
import { mutationTargetOf } from '../../domain/mutation-target';
import { applyMutation } from '../../domain/mutators';
import { overdueUnownedAt } from '../../domain/overdue-alert';
import { keepRemoved, purgePersonalData } from '../../domain/personal-data';
import type { PushedMutation, Refusal } from '../../domain/sync-protocol';
import { type NewAlert, writeAlertsOfChanges } from '../alerts/raise-alerts';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { retentionRunner } from '../personal-data/retention';
import { recordAudit } from '../repositories/audit-repository';
import { countIssuesInZone, readEvent, saveEventConfig } from '../repositories/event-repository';
import { insertIssues, readIssueRows, updateIssue } from '../repositories/issue-repository';
import { recordRefusal } from '../repositories/refusal-repository';
import type { IssuesTable, ServerDatabase } from '../storage/schema';

/** An issue a batch touches, kept as objects while the batch runs. */
interface WorkingIssue {
  eventId: string;
  issue: Issue;
  /** As stored before this batch (undefined for a new one): what alerts compare with. */
  stored: Issue | undefined;
  /** What each change of this batch raised (alerts.ts), stored with the issue at the end. */
  raised: RaisedAlert[];
  fieldVersions: FieldVersions;
  /** The change sequence it takes when written; null while nothing in this batch changed it. */
  changeSeq: number | null;
  isNew: boolean;
}

/**
 * One batch being applied inside its transaction: the issues it touches (read up front, kept
 * current as it goes), the event's settings (read when a change needs them), the next change
 * sequence and what was refused.
 */
export class Batch {
  /** The touched issues as objects: parsed once, changed in memory, written once at the end. */
  private readonly issues = new Map<string, WorkingIssue>();
  private event: FestivalEvent | undefined;
  readonly refused: Refusal[] = [];
  /** Alerts this batch stored, delivered once its transaction commits. */
  alerts: NewAlert[] = [];

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
    for (const [id, row] of await readIssueRows(this.trx, [...ids])) {
      const issue = JSON.parse(row.data) as Issue;
      this.issues.set(id, {
        eventId: row.event_id,
        issue,
        stored: issue,
        raised: [],
        fieldVersions: JSON.parse(row.field_versions) as FieldVersions,
        changeSeq: null,
        isNew: false,
      });
    }
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
    const working = issueId ? this.issues.get(issueId) : undefined;
    const before = working?.issue;
    if (working && working.eventId !== this.device.event_id)
      throw new AppError('forbidden', 'This issue belongs to another event.');
    if (mutation.name === 'createIssue' && (mutation.args as { eventId?: unknown })?.eventId !== this.device.event_id) {
      throw new AppError('forbidden', 'This device can only log issues for its own event.');
    }
    const actor = this.person();
    if (
      before &&
      !mayDeviceSeeIssue({ role: this.device.role, deviceId: this.device.id, staffId: this.device.staff_id }, before)
    ) {
      throw new AppError(
        'forbidden',
        'This is a restricted case: only coordinators, organizers and the people assigned to it may change it.',
      );
    }
    const time = this.timeOf(mutation);
    const fieldVersions = working?.fieldVersions ?? {};
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
      const others = before ? changedByOthersSince(fieldVersions, mutation.baseVersion, this.device.id) : [];
      if (!(before && others.length > 0 && error instanceof AppError && error.kind === 'invalid-transition')) throw error;
      // Impossible only because someone else got there first: keep the issue as it is and put
      // both intentions on its timeline rather than silently dropping this one.
      const issue = staleChangeConflict(before, {
        name: mutation.name,
        args: mutation.args,
        mutationUuid: mutation.mutationUuid,
        now: time.at,
        actor,
        reason: error.phrase ?? error.message,
        others,
      });
      this.changed(working!, { issue });
      return;
    }
    if (after === before) {
      // Nothing changes here, but the phone already applied it to its own copy, which can differ
      // from ours (a staff phone does not see others' contact details): a new version sends the
      // phone our copy instead of leaving its guess in place until someone else changes the issue.
      this.changed(working!, {});
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
    // Each change is weighed on its own: a hand-over followed by a note in one push still alerts.
    const raised = alertsRaisedBy(before, merged.issue, await this.currentEvent());
    if (working) {
      working.issue = merged.issue;
      working.fieldVersions = merged.fieldVersions;
      working.changeSeq = seq;
      working.raised.push(...raised);
    } else {
      const made = { eventId: this.device.event_id, issue: merged.issue, fieldVersions: merged.fieldVersions, changeSeq: seq };
      this.issues.set(after.id, { ...made, stored: undefined, raised, isNew: true });
    }
  }

  /** A stored issue changed (or only versioned anew): it takes the next change sequence. */
  private changed(working: WorkingIssue, change: { issue?: Issue }): void {
    if (change.issue) working.issue = change.issue;
    working.changeSeq = this.nextSeq();
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
    if (next !== event) {
      await recordAudit(this.trx, {
        eventId: this.device.event_id,
        at: this.at,
        actor: { deviceId: this.device.id, name: this.device.staff_name },
        action: 'settings-change',
        detail: settingsChangeDetail(event, next),
      });
    }
  }

  /** Zones the change would remove, with the issues still filed under them (stored or new in this batch). */
  private async issueCountsOfRemovedZones(event: FestivalEvent, args: unknown): Promise<Map<string, number>> {
    const proposed = (args as { zones?: unknown } | null)?.zones;
    const counts = new Map<string, number>();
    if (!Array.isArray(proposed)) return counts;
    const kept = new Set(proposed.map((zone) => (zone as { id?: unknown } | null)?.id));
    for (const zone of event.zones.filter((z) => !kept.has(z.id))) {
      let count = await countIssuesInZone(this.trx, this.device.event_id, zone.id);
      for (const working of this.issues.values()) if (working.isNew && working.issue.zoneId === zone.id) count += 1;
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
      said: error.phrase ? JSON.stringify(error.phrase) : null,
      created_at: this.at,
    };
    await recordRefusal(this.trx, refusal);
    this.refused.push({
      mutationId: mutation.mutationId,
      mutationUuid: mutation.mutationUuid,
      kind: error.kind,
      message: error.message,
      ...(error.phrase ? { phrase: error.phrase } : {}),
    });
    // The phone shows the refused settings already; a new version of ours puts them right.
    if (toEvent) await saveEventConfig(this.trx, await this.currentEvent(), this.nextSeq());
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /**
   * Every issue this batch touched, written once: new ones many rows per statement. Personal data
   * removed by an erasure or the retention period does not come back with a late change. Then
   * the alerts the changes raised or ended (raise-alerts.ts), in the same transaction.
   */
  async writeIssues(): Promise<void> {
    const inserts: IssuesTable[] = [];
    const touched = [...this.issues.values()].filter((w) => w.changeSeq !== null);
    if (touched.length === 0) return;
    const event = await this.currentEvent();
    const purged = touched.some((w) => w.isNew) && event.personalDataPurgedAt !== undefined;
    for (const [id, working] of this.issues) {
      if (working.changeSeq === null) continue;
      if (working.issue.personalDataRemoved) working.issue = keepRemoved(working.issue);
      else if (purged && working.isNew) {
        const stamp = { entryId: `${id}:retention`, at: this.at, by: retentionRunner };
        working.issue = purgePersonalData(working.issue, stamp) ?? working.issue;
      }
      const values = {
        change_seq: working.changeSeq,
        data: JSON.stringify(working.issue),
        field_versions: JSON.stringify(working.fieldVersions),
        unowned_due_at: overdueUnownedAt(working.issue, event),
      };
      if (working.isNew) inserts.push({ ...values, id, event_id: working.eventId, reported_by_device: this.device.id });
      else await updateIssue(this.trx, id, values);
    }
    await insertIssues(this.trx, inserts);
    const changes = touched.map((w) => ({ before: w.stored, after: w.issue, raised: w.raised }));
    this.alerts = await writeAlertsOfChanges(this.trx, event, changes, this.at);
  }
}
