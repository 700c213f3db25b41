import { useState } from 'preact/hooks';
import { parseDemoFile, storeDemo } from '../../db/demo-import';
import { errorMessage } from '../changes';
import { t, tn } from '../i18n/messages';
import { useSession } from '../session';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; count: number } | { kind: 'failed'; message: string };

/** Loads a festival made by `npm run seed`, to try Helptent or train staff before the gates open. */
export function DemoImport() {
  const { db } = useSession();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const load = async (file: File) => {
    setState({ kind: 'busy' });
    try {
      const demo = parseDemoFile(await file.text());
      await storeDemo(db, demo);
      setState({ kind: 'done', count: demo.issues.length });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <div class="field">
      <label for="demo-file">{t('Load demo festival data (a file from npm run seed)')}</label>
      <input
        id="demo-file"
        type="file"
        accept="application/json,.json"
        disabled={state.kind === 'busy'}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void load(file);
        }}
      />
      {state.kind === 'busy' && <p role="status">{t('Loading…')}</p>}
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
