import { useState } from 'preact/hooks';
import type { ExportKind } from '../../domain/export-rows';
import { SelectField } from '../components/fields';
import { t } from '../i18n/messages';
import { exportRun, runExport } from '../progress/export-run';
import { ProgressReport } from '../progress/progress-report';
import { useSession } from '../session';
import { useStore } from '../store';

export function ExportPanel({ days, defaultDay }: { days: string[]; defaultDay: string }) {
  const { db, event } = useSession();
  const [day, setDay] = useState(defaultDay);
  const state = useStore(exportRun);
  const busy = state.kind === 'reading' || state.kind === 'building';

  const run = (kind: ExportKind, format: 'csv' | 'json') => void runExport(db, event, kind, format, day || null);

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
        <button type="button" class="button" disabled={busy} onClick={() => run('issues', 'csv')}>
          {t('Issues (CSV)')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => run('issues', 'json')}>
          {t('Issues (JSON)')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => run('follow-up', 'csv')}>
          {t('Follow-up list (CSV)')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => run('lost-property', 'csv')}>
          {t('Lost-property register (CSV)')}
        </button>
      </div>
      {state.kind === 'reading' && (
        <ProgressReport
          testId="export-progress"
          label={t('Reading issues on this device')}
          done={state.read}
          total={state.total}
          next={t('Then the file is built and downloaded. You can leave this screen; the download still comes.')}
        />
      )}
      {state.kind === 'building' && (
        <ProgressReport
          testId="export-progress"
          label={t('Building the file')}
          total={null}
          next={t('The download starts in a moment.')}
        />
      )}
      {state.kind === 'done' && (
        <p class={state.ok ? 'message message--ok' : 'message message--error'} role={state.ok ? 'status' : 'alert'}>
          {state.text}
        </p>
      )}
    </section>
  );
}
