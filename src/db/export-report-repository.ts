import type { ExportRecord } from '../domain/sync-protocol';
import type { HelptentDatabase } from './database';

const key = 'pending-export-logs';

/** Exports made on this phone that the server's export log has not heard of yet. */
export async function readPendingExportReports(db: HelptentDatabase): Promise<ExportRecord[]> {
  return ((await db.meta.get(key))?.value as ExportRecord[] | undefined) ?? [];
}

export async function savePendingExportReports(db: HelptentDatabase, reports: ExportRecord[]): Promise<void> {
  await db.meta.put({ key, value: reports });
}
