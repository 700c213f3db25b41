import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error';
import type { AuditAction, AuditDetail, AuditEntry } from '../../domain/audit';
import { uuidV7 } from '../../domain/uuid-v7';
import type { ServerDatabase } from '../storage/schema';

type Db = Kysely<ServerDatabase>;

let lastIdMs = 0;

/** Time-ordered ids, increasing within this process, so entries of one millisecond keep their order. */
function nextAuditId(): string {
  lastIdMs = Math.max(Date.now(), lastIdMs + 1);
  return uuidV7(lastIdMs, randomBytes(10));
}

/**
 * Appends one entry to the event's audit log. Pass the transaction of the action it records, so
 * the entry exists exactly when the action does. There is no update or delete: the log is
 * append-only (the database refuses both, too).
 */
export async function recordAudit(
  db: Kysely<ServerDatabase>,
  entry: {
    eventId: string;
    at: string;
    actor: { deviceId: string | null; name: string };
    action: AuditAction;
    detail: AuditDetail;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: nextAuditId(),
      event_id: entry.eventId,
      at: entry.at,
      actor_device_id: entry.actor.deviceId,
      actor_name: entry.actor.name,
      action: entry.action,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The id to pass as `before` for the next (older) page; null when this page is the last. */
  next: string | null;
}

/**
 * A page of the event's audit log, newest first by the server's clock (then id). `before` is an
 * entry id from a previous page: the page holds the entries older than it.
 */
export async function readAuditLog(db: Db, eventId: string, page: { limit: number; before?: string | null }): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll().where('event_id', '=', eventId);
  if (page.before) {
    const cursor = await db
      .selectFrom('audit_log')
      .select(['at', 'id'])
      .where('event_id', '=', eventId)
      .where('id', '=', page.before)
      .executeTakeFirst();
    if (!cursor) throw new AppError('invalid', `There is no audit entry “${page.before}” in this event to page from.`);
    query = query.where((eb) => eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const entries = rows.slice(0, page.limit).map(
    (r): AuditEntry => ({
      id: r.id,
      eventId: r.event_id,
      at: r.at,
      actor: { deviceId: r.actor_device_id, name: r.actor_name },
      action: r.action,
      detail: JSON.parse(r.detail) as AuditDetail,
    }),
  );
  return { entries, next: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null };
}
