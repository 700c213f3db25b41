import { t, tn } from '../i18n/messages';
import { demoLoad, loadDemo } from '../progress/demo-load';
import { ProgressReport } from '../progress/progress-report';
import { useSession } from '../session';
import { useStore } from '../store';

/** Loads a festival made by `npm run seed`, to try Helptent or train staff before the gates open. */
export function DemoImport() {
  const { db } = useSession();
  const state = useStore(demoLoad);
  const busy = state.kind === 'reading' || state.kind === 'storing';
  return (
    <div class="field">
      <label for="demo-file">{t('Load demo festival data (a file from npm run seed)')}</label>
      <input
        id="demo-file"
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void loadDemo(db, file);
        }}
      />
      {state.kind === 'reading' && <p role="status">{t('Reading the file…')}</p>}
      {state.kind === 'storing' && (
        <ProgressReport
          testId="demo-progress"
          label={t('Storing the demo festival’s issues')}
          done={state.stored}
          total={state.total}
          next={t(
            'Stored all at once: if it fails, nothing changes. You can use other screens meanwhile; the queue shows the issues when it is done.',
          )}
        />
      )}
      {state.kind === 'done' && (
        <p class="message message--ok" role="status">
          {tn(state.count, 'Loaded {count} issue onto this phone.', 'Loaded {count} issues onto this phone.')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p class="message message--error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
