import { toCsv } from '../../domain/csv';
import type { FestivalEvent } from '../../domain/event';
import { type ExportKind, type ExportTable, exportFileName, exportTable } from '../../domain/export-rows';
import type { Issue } from '../../domain/issue';
import { readServerEvent } from '../events/event-admin';
import { recordExport } from '../repositories/export-repository';
import { readEventIssueData } from '../repositories/issue-repository';
import type { Storage } from '../storage/storage';
import type { ExportFormat, ExportSource } from './export-request';

export interface ExportRun {
  eventId: string;
  kind: ExportKind;
  /** Festival day "YYYY-MM-DD", or null for the whole event. */
  day: string | null;
  format: ExportFormat;
  /** Staff name of the organizer's device, or 'command line'. */
  who: string;
  deviceId: string | null;
  source: Exclude<ExportSource, 'app'>;
  now: Date;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
  rows: number;
}

/**
 * The JSON export: the same rows as the CSV (same columns, same order, oldest issue first), with
 * values keeping their types (numbers, booleans, null), and enough context to read it alone:
 * `{ event: { id, name }, kind, day, exportedAt, columns, rows }`, pretty-printed with 2 spaces.
 */
export function toExportJson(table: ExportTable, event: FestivalEvent, kind: ExportKind, day: string | null, now: Date): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null])));
  const document = {
    event: { id: event.id, name: event.name },
    kind,
    day,
    exportedAt: now.toISOString(),
    columns: table.columns,
    rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Builds an organizer's export from the server's copy of every issue of the event — with the same
 * pure functions the app uses — and records it in the export log. The log row is written only
 * once the file is built, and the file is handed out only once the log row is written: no export
 * leaves the server unrecorded.
 */
export async function runExport(storage: Storage, run: ExportRun): Promise<ExportFile> {
  const event = await readServerEvent(storage, run.eventId);
  const issues = (await readEventIssueData(storage.db, run.eventId)).map((data) => JSON.parse(data) as Issue);
  const request = { kind: run.kind, day: run.day };
  const table = exportTable(issues, event, request);
  const body = run.format === 'csv' ? toCsv(table) : toExportJson(table, event, run.kind, run.day, run.now);
  const at = run.now.toISOString();
  await recordExport(storage, {
    eventId: event.id,
    deviceId: run.deviceId,
    who: run.who,
    kind: run.kind,
    day: run.day,
    format: run.format,
    rows: table.rows.length,
    source: run.source,
    createdAt: at,
    receivedAt: at,
  });
  return {
    fileName: exportFileName(event, request, run.format),
    contentType: run.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    body,
    rows: table.rows.length,
  };
}
