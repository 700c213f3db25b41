import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AlertCandidate, escalatedForNobodyOnDuty, mayReceiveAlertAbout } from '../../domain/alert-recipients';
import { alertRulesOf, alertText, nextRoleUp, type RaisedAlert } from '../../domain/alerts';
import type { FestivalEvent } from '../../domain/event';
import type { Issue } from '../../domain/issue';
import { isFinished } from '../../domain/overdue-alert';
import { withheldFromStaff } from '../../domain/personal-data';
import { closeAlertsOfIssue, closeHandoversToOthers, closeUnansweredAlerts, insertAlert } from '../repositories/alert-repository';
import { listOnDutyDevices } from '../repositories/device-repository';
import type { AlertsTable, ServerDatabase } from '../storage/schema';
import { addressOf, candidateOf } from './alert-address';
import { escalationDue } from './alert-minute';

/** An alert just stored, with its issue as stored: recipients are weighed against it. */
export interface NewAlert {
  row: AlertsTable;
  issue: Issue;
}

/** One issue a push changed: as it was before the push, as the push leaves it, and what each change raised. */
export interface IssueAlertChange {
  before: Issue | undefined;
  after: Issue;
  raised: RaisedAlert[];
}

/**
 * The alert's row. Its words come from the issue as a staff phone sees it: attendee contact
 * details never reach a banner or a lock screen, whoever receives it.
 */
export function newAlertRow(event: FestivalEvent, issue: Issue, raised: RaisedAlert, at: string): AlertsTable {
  const rule = alertRulesOf(event)[raised.kind];
  const { title, body, said } = alertText(withheldFromStaff(issue), raised.kind, event);
  return {
    id: randomUUID(),
    event_id: event.id,
    issue_id: issue.id,
    kind: raised.kind,
    to_person_id: raised.toPersonId ?? null,
    raised_level: rule.to,
    level: rule.to,
    title,
    body,
    said: JSON.stringify(said),
    raised_at: at,
    escalate_at: nextRoleUp(rule.to) ? escalationDue(at, rule.escalateAfterMinutes) : null,
    escalated_at: null,
    acked_by_id: null,
    acked_by_name: null,
    acked_by_device: null,
    acked_at: null,
    closed_at: null,
  };
}

/** The event's signed-in, on-duty phones as alert candidates, read at most once per event by whoever asks first. */
export function onDutyReader(db: Kysely<ServerDatabase>): (eventId: string) => Promise<AlertCandidate[]> {
  const read = new Map<string, Promise<AlertCandidate[]>>();
  return (eventId) => {
    let candidates = read.get(eventId);
    if (!candidates) {
      candidates = listOnDutyDevices(db, eventId).then((devices) => devices.map(candidateOf));
      read.set(eventId, candidates);
    }
    return candidates;
  };
}

/**
 * The alert moved up at once (at `at`) past levels nobody on duty answers to; as it was when
 * someone answers to its level, or nobody on duty answers to any level (then it waits, open, for
 * whoever comes on duty, and its clock keeps asking). Escalation minutes run from the move.
 */
export async function skipLevelsNobodyAnswers(
  row: AlertsTable,
  issue: Issue,
  event: FestivalEvent,
  onDuty: (eventId: string) => Promise<AlertCandidate[]>,
  at: string,
): Promise<AlertsTable> {
  const moved = escalatedForNobodyOnDuty(
    addressOf(row),
    await onDuty(row.event_id),
    (candidate) => mayReceiveAlertAbout(candidate, issue),
    at,
  );
  if (!moved) return row;
  const minutes = alertRulesOf(event)[row.kind].escalateAfterMinutes;
  return {
    ...row,
    level: moved.level,
    escalated_at: at,
    escalate_at: nextRoleUp(moved.level) ? escalationDue(at, minutes) : null,
  };
}

/**
 * What one push does to alerts, in its transaction: an issue that finished closes its alerts; one
 * that found an owner closes its unanswered "no owner" alert; what the changes raised is stored
 * unless it is already open (or the issue finished, or a later hand-over in the same push went
 * to someone else). Returns the alerts it stored, to be delivered once the push commits.
 */
export async function writeAlertsOfChanges(
  trx: Kysely<ServerDatabase>,
  event: FestivalEvent,
  changes: IssueAlertChange[],
  at: string,
): Promise<NewAlert[]> {
  const stored: NewAlert[] = [];
  const onDuty = onDutyReader(trx);
  for (const { before, after, raised } of changes) {
    if (isFinished(after)) {
      if (before && !isFinished(before)) await closeAlertsOfIssue(trx, after.id, at);
      continue;
    }
    if (before && before.owner === null && after.owner !== null)
      await closeUnansweredAlerts(trx, after.id, 'overdue-unowned', at);
    for (const alert of latestPerKind(raised)) {
      if (alert.kind === 'handover') {
        if (alert.toPersonId !== after.owner?.id) continue;
        await closeHandoversToOthers(trx, after.id, alert.toPersonId!, at);
      }
      const placed = await skipLevelsNobodyAnswers(newAlertRow(event, after, alert, at), after, event, onDuty, at);
      const row = await insertAlert(trx, placed);
      if (row) stored.push({ row, issue: after });
    }
  }
  return stored;
}

/** One per kind: the last hand-over of a push is the one that counts. */
function latestPerKind(raised: RaisedAlert[]): RaisedAlert[] {
  return [...new Map(raised.map((alert) => [alert.kind, alert])).values()];
}
