import type { Kysely } from 'kysely';
import type { IssuesTable, ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

export type StoredIssueRow = Pick<IssuesTable, 'data' | 'field_versions' | 'event_id'>;

/** Ids per lookup and rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const chunkSize = 500;

/** The stored issues with these ids, one query per 500 ids (on PostgreSQL every statement is a round trip). */
export async function readIssueRows(db: Db, ids: string[]): Promise<Map<string, StoredIssueRow>> {
  const found = new Map<string, StoredIssueRow>();
  for (let start = 0; start < ids.length; start += chunkSize) {
    const rows = await db
      .selectFrom('issues')
      .select(['id', 'data', 'field_versions', 'event_id'])
      .where('id', 'in', ids.slice(start, start + chunkSize))
      .execute();
    for (const { id, ...row } of rows) found.set(id, row);
  }
  return found;
}

export async function updateIssue(trx: Db, id: string, values: Partial<IssuesTable>): Promise<void> {
  await trx.updateTable('issues').set(values).where('id', '=', id).execute();
}

/** A new issue's row; without an overdue time the alert clock never looks at it (imports, benches). */
export type NewIssueRow = Omit<IssuesTable, 'unowned_due_at'> & Partial<Pick<IssuesTable, 'unowned_due_at'>>;

/** New issues, many rows per statement. */
export async function insertIssues(trx: Db, rows: NewIssueRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await trx
      .insertInto('issues')
      .values(rows.slice(start, start + chunkSize))
      .execute();
  }
}

/** The event's issues changed after a change sequence, in change order: `limit` of them and one more, to tell if more follow. */
export function issuesChangedAfter(db: Db, eventId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('issues')
    .select(['data', 'change_seq', 'reported_by_device'])
    .where('event_id', '=', eventId)
    .where('change_seq', '>', afterSeq)
    .orderBy('change_seq')
    .limit(limit + 1)
    .execute();
}

/**
 * How many of the event's issues changed after the sequence: what a catching-up phone still has
 * to fetch. Answered from the (event_id, change_seq) index alone on SQLite and PostgreSQL, and
 * asked only while pages are full, so the usual poll never pays for it.
 */
export async function countIssuesChangedAfter(db: Db, eventId: string, afterSeq: number): Promise<number> {
  const row = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('event_id', '=', eventId)
    .where('change_seq', '>', afterSeq)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every issue of the event as stored JSON (exports). */
export async function readEventIssueData(db: Db, eventId: string): Promise<string[]> {
  return (await db.selectFrom('issues').select('data').where('event_id', '=', eventId).execute()).map((row) => row.data);
}

/** Events with issues that may have become overdue with no owner by `now` (the alert clock's first look). */
export async function eventsWithUnownedDue(db: Db, now: string): Promise<string[]> {
  const rows = await db.selectFrom('issues').select('event_id').distinct().where('unowned_due_at', '<=', now).execute();
  return rows.map((row) => row.event_id);
}

/** The event's issues due for that look, oldest due first. */
export function issuesUnownedDue(db: Db, eventId: string, now: string, limit: number) {
  return db
    .selectFrom('issues')
    .select(['id', 'data', 'unowned_due_at'])
    .where('event_id', '=', eventId)
    .where('unowned_due_at', '<=', now)
    .orderBy('unowned_due_at')
    .limit(limit)
    .execute();
}

/** The clock looked: when to look again (null: never), unless a change stored a new time meanwhile. */
export async function saveUnownedDueAt(trx: Db, id: string, seen: string, next: string | null): Promise<void> {
  await trx.updateTable('issues').set({ unowned_due_at: next }).where('id', '=', id).where('unowned_due_at', '=', seen).execute();
}
