import type { HelptentDatabase } from '../../db/database';
import { readEventIssuesInSlices } from '../../db/issue-slices';
import type { FestivalEvent } from '../../domain/event';
import { type ExportKind, type ExportRequest, exportFileName, exportTable } from '../../domain/export-rows';
import { logExport } from '../../sync/export-reports';
import { errorMessage } from '../changes';
import { download } from '../download';
import { t, tn } from '../i18n/messages';
import { createStore } from '../store';

export type ExportRun =
  | { kind: 'idle' }
  | { kind: 'reading'; read: number; total: number }
  | { kind: 'building' }
  | { kind: 'done'; ok: boolean; text: string };

/**
 * The export under way, outside the screen: a person who leaves the summary while 20,000 issues
 * are read still gets the file, and finds the outcome when they come back.
 */
export const exportRun = createStore<ExportRun>({ kind: 'idle' });

const letThePagePaint = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function runExport(
  db: HelptentDatabase,
  event: FestivalEvent,
  kind: ExportKind,
  format: 'csv' | 'json',
  day: string | null,
): Promise<void> {
  const now = exportRun.get().kind;
  if (now === 'reading' || now === 'building') return;
  try {
    const request: ExportRequest = { kind, day };
    const issues = await readEventIssuesInSlices(db, event.id, (read, total) => exportRun.set({ kind: 'reading', read, total }));
    exportRun.set({ kind: 'building' });
    await letThePagePaint();
    const table = exportTable(issues, event, request);
    const fileName = exportFileName(event, request, format);
    if (format === 'csv') {
      const { toCsv } = await import('../../domain/csv');
      download(fileName, toCsv(table), 'text/csv;charset=utf-8');
    } else {
      const body = JSON.stringify(
        { event: { id: event.id, name: event.name }, kind, day: request.day, rows: table.rows },
        null,
        2,
      );
      download(fileName, body, 'application/json');
    }
    const logged = await logExport(db, {
      kind,
      day: request.day,
      format,
      rows: table.rows.length,
      exportedAt: new Date().toISOString(),
    });
    const where =
      logged === 'logged'
        ? t('logged on the server')
        : logged === 'later'
          ? t('it will be logged on the server once there is signal')
          : t('this phone has not joined an event, so it is not logged');
    const text = tn(
      table.rows.length,
      'Downloaded {file} ({count} row); {where}.',
      'Downloaded {file} ({count} rows); {where}.',
      {
        file: fileName,
        where,
      },
    );
    exportRun.set({ kind: 'done', ok: true, text });
  } catch (error) {
    exportRun.set({ kind: 'done', ok: false, text: errorMessage(error) });
  }
}
