import type { Kysely } from 'kysely';
import type { AlertKind } from '../../domain/alert-rules';
import { type AlertView, alertSaidSchema } from '../../domain/alerts';
import type { Role } from '../../domain/staff';
import type { AlertsTable, ServerDatabase } from '../storage/schema';
import { storedSaid } from './stored-said';

type Db = Kysely<ServerDatabase>;

/** The alert as phones receive it. */
export function toAlertView(row: AlertsTable): AlertView {
  const said = storedSaid(row.said, alertSaidSchema);
  return {
    id: row.id,
    issueId: row.issue_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    raisedAt: row.raised_at,
    level: row.level,
    escalatedAt: row.escalated_at,
    ackedBy: row.acked_by_id !== null ? { id: row.acked_by_id, name: row.acked_by_name ?? '' } : null,
    ackedAt: row.acked_at,
    ...(said ? { said } : {}),
  };
}

/**
 * Stores a new alert; undefined when its issue already has an open one of this kind (a unique
 * index says so, so two pushes or two server instances raising it at once still make one).
 */
export async function insertAlert(trx: Db, row: AlertsTable): Promise<AlertsTable | undefined> {
  return trx
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Whether the issue ever had an alert of this kind, open or not ("waiting too long" alerts once per issue). */
export async function hasAlertOfKind(db: Db, issueId: string, kind: AlertKind): Promise<boolean> {
  const row = await db
    .selectFrom('alerts')
    .select('id')
    .where('issue_id', '=', issueId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

/** Its issue was resolved, closed or voided: every open alert about it closes and stops escalating. */
export async function closeAlertsOfIssue(trx: Db, issueId: string, at: string): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ closed_at: at, escalate_at: null })
    .where('issue_id', '=', issueId)
    .where('closed_at', 'is', null)
    .execute();
}

/** Closes the issue's open, unanswered alerts of one kind (an owner arrived: "no owner" is over). */
export async function closeUnansweredAlerts(trx: Db, issueId: string, kind: AlertKind, at: string): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ closed_at: at, escalate_at: null })
    .where('issue_id', '=', issueId)
    .where('kind', '=', kind)
    .where('closed_at', 'is', null)
    .where('acked_at', 'is', null)
    .execute();
}

/** The issue was handed over again: the open hand-over alert to someone else is replaced. */
export async function closeHandoversToOthers(trx: Db, issueId: string, personId: string, at: string): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ closed_at: at, escalate_at: null })
    .where('issue_id', '=', issueId)
    .where('kind', '=', 'handover')
    .where('closed_at', 'is', null)
    .where('to_person_id', '!=', personId)
    .execute();
}

export function findAlert(db: Db, id: string): Promise<AlertsTable | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * "I'm on it": true for the one device whose answer took it. The condition is the lock: of two
 * answers at once, on any number of server instances, one updates the row and the other finds it taken.
 */
export async function claimAlert(
  db: Db,
  id: string,
  by: { personId: string; name: string; deviceId: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({ acked_by_id: by.personId, acked_by_name: by.name, acked_by_device: by.deviceId, acked_at: at, escalate_at: null })
    .where('id', '=', id)
    .where('acked_at', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many of the event's current alerts a device's list is chosen from: far more than any festival has open at once. */
const currentAlertsRead = 500;

/** The event's alerts not closed that are unanswered or were answered since `ackedSince`, newest first. */
export function listCurrentAlerts(db: Db, eventId: string, ackedSince: string): Promise<AlertsTable[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('closed_at', 'is', null)
    .where((eb) => eb.or([eb('acked_at', 'is', null), eb('acked_at', '>=', ackedSince)]))
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(currentAlertsRead)
    .execute();
}

/** Unanswered alerts due to go to the next role up. */
export function dueEscalations(db: Db, now: string, limit: number): Promise<AlertsTable[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('escalate_at', '<=', now)
    .where('acked_at', 'is', null)
    .where('closed_at', 'is', null)
    .orderBy('escalate_at')
    .limit(limit)
    .execute();
}

/**
 * Moves an unanswered alert up one role. Only if it is still as it was read: with several server
 * instances on one database, the one whose update finds the row unchanged escalates it (and
 * notifies); the others find nothing to do.
 */
export async function escalateAlert(
  db: Db,
  row: AlertsTable,
  change: { level: Role; escalatedAt: string; escalateAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({ level: change.level, escalated_at: change.escalatedAt, escalate_at: change.escalateAt })
    .where('id', '=', row.id)
    .where('level', '=', row.level)
    .where('escalate_at', '=', row.escalate_at)
    .where('acked_at', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
