import { alertRulesOf, nextRoleUp } from '../../domain/alerts';
import type { FestivalEvent } from '../../domain/event';
import type { Issue } from '../../domain/issue';
import { isOverdueUnowned, overdueUnownedAt } from '../../domain/overdue-alert';
import { dueEscalations, escalateAlert, hasAlertOfKind, insertAlert } from '../repositories/alert-repository';
import { lockEventChanges, readEvent } from '../repositories/event-repository';
import { eventsWithUnownedDue, issuesUnownedDue, readIssueRows, saveUnownedDueAt } from '../repositories/issue-repository';
import type { Storage } from '../storage/storage';
import { escalationDue } from './alert-minute';
import { type NewAlert, newAlertRow, onDutyReader, skipLevelsNobodyAnswers } from './raise-alerts';

/** What one tick of the alert clock did, for delivery (pokes and notifications). */
export interface AlertClockResult {
  /** "Waiting too long, no owner" alerts raised. */
  raised: NewAlert[];
  /** Unanswered alerts moved up a role, as they are now. */
  escalated: NewAlert[];
}

/** Issues or alerts handled per event and tick; a backlog is worked off over the next ticks. */
const perTick = 200;

/**
 * One tick of the server's alert clock, at `now` (tests move it): raises "waiting too long, no
 * owner" for issues past their first-response target, once per issue, and moves unanswered
 * alerts past their time to the next role up. Safe with several server instances on one
 * database: the event's row orders the first, a conditional update the second.
 */
export async function runAlertClock(storage: Storage, now: Date): Promise<AlertClockResult> {
  const at = now.toISOString();
  const raised: NewAlert[] = [];
  for (const eventId of await eventsWithUnownedDue(storage.db, at)) raised.push(...(await raiseOverdue(storage, eventId, now)));
  return { raised, escalated: await escalateDue(storage, now) };
}

/**
 * Looks at the event's issues whose "overdue with no owner" time has come. Under the event's
 * row, as a push takes it, so an owner assigned in a push that commits first is seen here.
 */
async function raiseOverdue(storage: Storage, eventId: string, now: Date): Promise<NewAlert[]> {
  const at = now.toISOString();
  return storage.db.transaction().execute(async (trx) => {
    await lockEventChanges(trx, eventId);
    const event = await readEvent(trx, eventId);
    const enabled = alertRulesOf(event)['overdue-unowned'].enabled;
    const raised: NewAlert[] = [];
    const onDuty = onDutyReader(trx);
    for (const row of await issuesUnownedDue(trx, eventId, at, perTick)) {
      const issue = JSON.parse(row.data) as Issue;
      let next: string | null = null;
      if (isOverdueUnowned(issue, event, now)) {
        if (enabled && !(await hasAlertOfKind(trx, issue.id, 'overdue-unowned'))) {
          const placed = await skipLevelsNobodyAnswers(
            newAlertRow(event, issue, { kind: 'overdue-unowned' }, at),
            issue,
            event,
            onDuty,
            at,
          );
          const stored = await insertAlert(trx, placed);
          if (stored) raised.push({ row: stored, issue });
        }
      } else {
        // Not yet (a target changed in the settings since): look again then, never in the past.
        const later = overdueUnownedAt(issue, event);
        next = later !== null && later > at ? later : null;
      }
      await saveUnownedDueAt(trx, row.id, row.unowned_due_at!, next);
    }
    return raised;
  });
}

/** Moves unanswered alerts past their time up one role, with a new time to move again (none at organizers). */
async function escalateDue(storage: Storage, now: Date): Promise<NewAlert[]> {
  const at = now.toISOString();
  const events = new Map<string, FestivalEvent>();
  const escalated: NewAlert[] = [];
  const onDuty = onDutyReader(storage.db);
  const due = await dueEscalations(storage.db, at, perTick);
  const issues = await readIssueRows(
    storage.db,
    due.map((row) => row.issue_id),
  );
  for (const row of due) {
    let event = events.get(row.event_id);
    if (!event) {
      event = await readEvent(storage.db, row.event_id);
      events.set(row.event_id, event);
    }
    const level = nextRoleUp(row.level);
    const minutes = alertRulesOf(event)[row.kind].escalateAfterMinutes;
    const stored = issues.get(row.issue_id);
    const issue = stored ? (JSON.parse(stored.data) as Issue) : undefined;
    let change = level
      ? { level, escalatedAt: at, escalateAt: nextRoleUp(level) ? escalationDue(at, minutes) : null }
      : { level: row.level, escalatedAt: row.escalated_at ?? at, escalateAt: null };
    if (level && issue) {
      // Nobody on duty at the next level either: on up at once, not another N minutes later.
      const up = { ...row, level, escalated_at: at, escalate_at: change.escalateAt };
      const placed = await skipLevelsNobodyAnswers(up, issue, event, onDuty, at);
      change = { level: placed.level, escalatedAt: at, escalateAt: placed.escalate_at };
    }
    if (!(await escalateAlert(storage.db, row, change)) || !level || !issue) continue;
    const moved = { ...row, level: change.level, escalated_at: change.escalatedAt, escalate_at: change.escalateAt };
    escalated.push({ row: moved, issue });
  }
  return escalated;
}
