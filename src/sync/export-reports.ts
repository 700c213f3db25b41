import type { HelptentDatabase } from '../db/database';
import { readPendingExportReports, savePendingExportReports } from '../db/export-report-repository';
import { readSyncState } from '../db/sync-state';
import type { ExportRecord } from '../domain/sync-protocol';
import { reportExport } from './api';

/**
 * Every export is logged on the server (who, when, what, how many rows). An export made
 * without signal is remembered and logged the next time one is made with signal.
 */
export async function logExport(db: HelptentDatabase, record: ExportRecord): Promise<'logged' | 'later' | 'local'> {
  const sync = await readSyncState(db);
  if (!sync) return 'local';
  const pending = [...(await readPendingExportReports(db)), record];
  const left: ExportRecord[] = [];
  for (const item of pending) {
    try {
      await reportExport(sync.token, item);
    } catch {
      left.push(item);
    }
  }
  await savePendingExportReports(db, left);
  return left.includes(record) ? 'later' : 'logged';
}
