import { useState } from 'preact/hooks';
import { readEventIssues } from '../../db/issue-repository';
import { type ExportKind, type ExportRequest, exportFileName, exportTable } from '../../domain/export-rows';
import { logExport } from '../../sync/export-reports';
import { errorMessage } from '../changes';
import { SelectField } from '../components/fields';
import { download } from '../download';
import { t, tn } from '../i18n/messages';
import { useSession } from '../session';

export function ExportPanel({ days, defaultDay }: { days: string[]; defaultDay: string }) {
  const { db, event } = useSession();
  const [day, setDay] = useState(defaultDay);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (kind: ExportKind, format: 'csv' | 'json') => {
    try {
      const request: ExportRequest = { kind, day: day || null };
      const issues = await readEventIssues(db, event.id);
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
      setMessage({
        ok: true,
        text: tn(table.rows.length, 'Downloaded {file} ({count} row); {where}.', 'Downloaded {file} ({count} rows); {where}.', {
          file: fileName,
          where,
        }),
      });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };

  return (
    <section class="card no-print" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('Exports')}</h2>
      <p>{t('From the issues on this device. The follow-up list holds only attendees who agreed to be contacted.')}</p>
      <SelectField
        label={t('Which days')}
        value={day}
        options={[{ value: '', label: t('The whole event') }, ...days.map((d) => ({ value: d, label: d }))]}
        onChange={setDay}
      />
      <div class="button-list">
        <button type="button" class="button" onClick={() => void run('issues', 'csv')}>
          {t('Issues (CSV)')}
        </button>
        <button type="button" class="button" onClick={() => void run('issues', 'json')}>
          {t('Issues (JSON)')}
        </button>
        <button type="button" class="button" onClick={() => void run('follow-up', 'csv')}>
          {t('Follow-up list (CSV)')}
        </button>
        <button type="button" class="button" onClick={() => void run('lost-property', 'csv')}>
          {t('Lost-property register (CSV)')}
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'message message--ok' : 'message message--error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
