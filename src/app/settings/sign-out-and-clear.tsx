import { useState } from 'preact/hooks';
import type { ClearOutcome } from '../../db/attendee-data-removal';
import { countPendingChanges } from '../../db/issue-repository';
import { forgetPushSubscription } from '../../sync/push-subscription';
import { signOutAndClearThisPhone } from '../../sync/signed-out';
import { errorMessage } from '../changes';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';

const changes = (n: number) => (n === 1 ? '1 change' : `${n.toLocaleString()} changes`);

function outcomeText(outcome: ClearOutcome): string {
  return outcome.cleared === 'all'
    ? 'Signed out. This phone is clear: no attendee details, issues or people are left on it, and the next person joins with their own code.'
    : `Signed out. The attendee details on this phone were removed; ${changes(outcome.keptChanges)} kept on this phone because it was signed out are sent if an organizer lets it back in.`;
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
          {changes(unsynced)} on this phone {unsynced === 1 ? t('is') : t('are')} not on the server yet. Sync now with signal, or
          clear anyway: {unsynced === 1 ? t('it stays') : t('they stay')} on this phone and {unsynced === 1 ? t('is') : t('are')}{' '}
          sent if an organizer lets it back in.
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
          {unsynced > 0 ? `Clear anyway, keeping ${changes(unsynced)}` : t('Sign out and clear')}
        </button>
      </div>
    </fieldset>
  );
}
