import { randomUUID } from 'node:crypto';
import type { ExportKind } from '../../domain/export-rows';
import type { ExportFormat, ExportSource } from '../exports/export-request';
import type { Storage } from '../storage/storage';
import { recordAudit } from './audit-repository';

export interface ExportLogEntry {
  eventId: string;
  deviceId: string | null;
  who: string;
  kind: ExportKind;
  day: string | null;
  format: ExportFormat;
  rows: number;
  source: ExportSource;
  /** When the export was made (for 'app' exports the device's clock: shown, never used to order). */
  createdAt: string;
  /** When the server recorded it. */
  receivedAt: string;
}

/**
 * Logs an export, and writes it to the audit log in the same transaction: an export is in both
 * or in neither.
 */
export async function recordExport(storage: Storage, entry: ExportLogEntry): Promise<string> {
  const id = randomUUID();
  await storage.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('export_log')
      .values({
        id,
        event_id: entry.eventId,
        device_id: entry.deviceId,
        who: entry.who,
        kind: entry.kind,
        day: entry.day,
        format: entry.format,
        rows: entry.rows,
        source: entry.source,
        created_at: entry.createdAt,
        received_at: entry.receivedAt,
      })
      .execute();
    await recordAudit(trx, {
      eventId: entry.eventId,
      at: entry.receivedAt,
      actor: { deviceId: entry.deviceId, name: entry.who },
      action: 'export',
      detail: { kind: entry.kind, day: entry.day, format: entry.format, rows: entry.rows, source: entry.source },
    });
  });
  return id;
}

export interface ListedExport {
  id: string;
  who: string;
  deviceId: string | null;
  source: ExportSource;
  kind: ExportKind;
  day: string | null;
  format: ExportFormat;
  rows: number;
  exportedAt: string;
  receivedAt: string;
}

/** The event's exports, newest first by the server's clock (device clocks at festivals are wrong by hours). */
export async function listExports(storage: Storage, eventId: string, limit: number): Promise<ListedExport[]> {
  const rows = await storage.db
    .selectFrom('export_log')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('received_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    who: r.who,
    deviceId: r.device_id,
    source: r.source,
    kind: r.kind,
    day: r.day,
    format: r.format,
    rows: Number(r.rows),
    exportedAt: r.created_at,
    receivedAt: r.received_at,
  }));
}
