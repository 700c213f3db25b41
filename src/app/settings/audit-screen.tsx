import { useEffect, useState } from 'preact/hooks';
import { readSyncState } from '../../db/sync-state';
import { AppError } from '../../domain/app-error';
import type { AuditEntry } from '../../domain/audit';
import { auditPhrase } from '../../domain/audit-sentence';
import { readAuditLog } from '../../sync/api';
import { errorMessage } from '../changes';
import { Screen } from '../components/screen';
import { roleLabels } from '../components/staff-picker';
import { msg, t } from '../i18n/messages';
import { said } from '../i18n/said';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

const pageSize = 50;
const offlineText = msg(
  'The audit log is kept on the server, so it opens only with signal. This phone is offline: try again when it has signal.',
);

interface Loaded {
  entries: AuditEntry[];
  next: string | null;
}

/**
 * The event's audit log as the server keeps it, for organizers: who joined, was signed out or let
 * back in, changed settings, or took attendee data out, newest first. Read from the server only
 * (it is never copied to phones), so it needs signal.
 */
function AuditLog({ token }: { token: string }) {
  const { event } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const load = async (before: string | null) => {
    if (!navigator.onLine) {
      setProblem(t(offlineText));
      return;
    }
    setBusy(true);
    try {
      const page = await readAuditLog(token, { limit: pageSize, before });
      setLoaded((shown) => ({ entries: [...(before ? (shown?.entries ?? []) : []), ...page.entries], next: page.next }));
      setProblem('');
    } catch (error) {
      setProblem(error instanceof AppError && error.kind === 'offline' ? t(offlineText) : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(null);
    // Signal back: read it again without being asked.
    const reload = () => void load(null);
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [token]);
  const now = new Date();
  return (
    <>
      <p>
        {t(
          'Joins, role changes, sign-outs, settings changes, exports and erasures, newest first. It names staff, never attendees.',
        )}
      </p>
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
      {loaded === null ? (
        !problem && <p class="loading">{t('Asking the server…')}</p>
      ) : loaded.entries.length === 0 ? (
        <p>{t('Nothing recorded yet.')}</p>
      ) : (
        <ol class="audit-list" aria-label={t('Audit entries')}>
          {loaded.entries.map((entry) => (
            <li key={entry.id} class="card">
              <time dateTime={entry.at} class="muted">
                {formatWhen(entry.at, event.timezone, now)}
              </time>{' '}
              {said(auditPhrase(entry))}
            </li>
          ))}
        </ol>
      )}
      <div class="button-list">
        {loaded?.next && (
          <button type="button" class="button" disabled={busy} onClick={() => void load(loaded.next)}>
            {t('Show older entries')}
          </button>
        )}
        <button type="button" class="button" disabled={busy} onClick={() => void load(null)}>
          {busy ? t('Asking the server…') : t('Refresh the audit log')}
        </button>
      </div>
    </>
  );
}

export function AuditScreen() {
  const { db } = useSession();
  const sync = useLiveQuery(() => readSyncState(db), [db]);
  return (
    <Screen title={t('Audit log')}>
      {sync.data?.role === 'organizer' ? (
        <AuditLog token={sync.data.token} />
      ) : !sync.loaded ? (
        <p class="loading">{t('Opening…')}</p>
      ) : (
        <p role="alert">
          {sync.data
            ? t('Only organizers can read the audit log; this phone is signed in as {role}.', {
                role: roleLabels[sync.data.role].toLowerCase(),
              })
            : t('Only organizers can read the audit log: this phone has not joined an event.')}
        </p>
      )}
      <p>
        <a href="/settings">{t('Back to Settings')}</a>
      </p>
    </Screen>
  );
}
