import { useState } from 'preact/hooks';
import type { ClearOutcome } from '../../db/attendee-data-removal';
import { countPendingChanges } from '../../db/pending-counts';
import { expiredJoinedMarkerCookie } from '../../domain/joined-marker';
import { forgetPushSubscription } from '../../sync/push-subscription';
import { signOutAndClearThisPhone } from '../../sync/signed-out';
import { errorMessage } from '../changes';
import { t, tn } from '../i18n/messages';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';

function outcomeText(outcome: ClearOutcome): string {
  return outcome.cleared === 'all'
    ? t(
        'Signed out. This phone is clear: no attendee details, issues or people are left on it, and the next person joins with their own code.',
      )
    : tn(
        outcome.keptChanges,
        'Signed out. The attendee details on this phone were removed; {count} change kept on this phone because it was signed out are sent if an organizer lets it back in.',
        'Signed out. The attendee details on this phone were removed; {count} changes kept on this phone because it was signed out are sent if an organizer lets it back in.',
      );
}

/**
 * The end of a shift: the phone signs itself out on the server (its token stops working) and
 * clears itself for the next person (attendee-data-removal.ts). Anything not synced yet is named
 * first, with the way to send it now; clearing anyway keeps it on the phone.
 */
export function SignOutAndClear({ joined }: { joined: boolean }) {
  const { db } = useSession();
  const waiting = useLiveQuery(() => countPendingChanges(db), [db]).data;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState<ClearOutcome | null>(null);
  const clear = async () => {
    setBusy(true);
    setProblem('');
    try {
      const outcome = await signOutAndClearThisPhone(db);
      // The server forgets the joined marker as it signs the phone out; one already signed out did not hear that.
      // biome-ignore lint/suspicious/noDocumentCookie: one fixed cookie; WebKit has no Cookie Store API
      document.cookie = expiredJoinedMarkerCookie;
      // The server dropped this device's push subscription; the browser drops it too, so the next
      // person on this phone gets no alerts meant for the last one and turns alerts on for themselves.
      await forgetPushSubscription().catch(() => undefined);
      setDone(outcome);
      setAsking(false);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <p class="message message--ok" role="status" data-testid="cleared">
        {outcomeText(done)}
      </p>
    );
  }
  if (!joined) return null;
  if (!asking) {
    return (
      <div class="sign-out-and-clear">
        <p class="muted">
          {t(
            'Ending your shift? Signing out stops this phone syncing and removes the attendee details and the people who joined on it.',
          )}
        </p>
        <button type="button" class="button" onClick={() => setAsking(true)}>
          {t('Sign out and clear this phone')}
        </button>
      </div>
    );
  }
  const unsynced = waiting ?? 0;
  return (
    <fieldset class="sign-out-and-clear">
      <legend>{t('Sign out and clear this phone')}</legend>
      {unsynced > 0 ? (
        <p class="message message--warning" data-testid="unsynced-warning">
          {tn(
            unsynced,
            '{count} change on this phone is not on the server yet. Sync now with signal, or clear anyway: it stays on this phone and is sent if an organizer lets it back in.',
            '{count} changes on this phone are not on the server yet. Sync now with signal, or clear anyway: they stay on this phone and are sent if an organizer lets it back in.',
          )}
        </p>
      ) : (
        <p class="message message--warning">
          {t(
            'Everything on this phone has reached the server. Signing out removes its attendee details, issues and the people who joined on it; the next person joins with their own code.',
          )}
        </p>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
      <div class="button-row">
        {unsynced > 0 && (
          <button type="button" class="button button--primary" onClick={requestSync} disabled={busy}>
            {t('Sync now')}
          </button>
        )}
        <button type="button" class="button" onClick={() => setAsking(false)} disabled={busy}>
          {t('Cancel')}
        </button>
        <button type="button" class="button" onClick={() => void clear()} disabled={busy}>
          {unsynced > 0
            ? tn(unsynced, 'Clear anyway, keeping {count} change', 'Clear anyway, keeping {count} changes')
            : t('Sign out and clear')}
        </button>
      </div>
    </fieldset>
  );
}
