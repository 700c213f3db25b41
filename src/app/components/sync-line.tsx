import { useEffect } from 'preact/hooks';
import { countPendingChanges, countUnreadRejections } from '../../db/pending-counts';
import { readSyncState } from '../../db/sync-state';
import { t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { useStore } from '../store';
import { applyUpdate, checkForUpdate, updateState } from '../sw-bridge';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';

/**
 * The wait before the sync engine's next try, counted down, and a way not to wait. With no time
 * set a try is under way; the button stays, so a keyboard on it stays there when the try fails.
 */
function NextTry({ at }: { at: string | null }) {
  const now = useNow(1_000).getTime();
  const seconds = at ? Math.ceil((Date.parse(at) - now) / 1_000) : 0;
  return (
    <>
      {' '}
      {seconds > 0 ? t('Next try in {seconds} s.', { seconds }) : t('Trying again…')}{' '}
      <button type="button" class="button" onClick={requestSync}>
        {t('Try now')}
      </button>
    </>
  );
}

/** Always in sight: is what I typed on the server yet, and if not, why not. */
export function SyncLine() {
  const { db, event } = useSession();
  const sync = useLiveQuery(() => readSyncState(db), [db]);
  const state = sync.data;
  const waiting = useLiveQuery(() => countPendingChanges(db), [db]).data ?? 0;
  const refused = useLiveQuery(() => countUnreadRejections(db), [db]).data ?? 0;
  const waitingText = waiting === 0 ? t('nothing waiting') : tn(waiting, '{count} waiting', '{count} waiting');
  const updateNeeded = state?.lastError?.kind === 'update-needed';
  // Signed out or too old for the server: no retry comes until a person acts.
  const blocked = updateNeeded || state?.lastError?.kind === 'unauthorized';
  const update = useStore(updateState);
  // The server no longer takes this app's changes: fetch the new version at once, so the
  // update prompt is ready when the person taps.
  useEffect(() => {
    if (updateNeeded) void checkForUpdate();
  }, [updateNeeded]);
  // Until the sync state is read, a blank line of the same height: not a moment of "join your
  // event" on a phone that joined, and nothing below moves when the real line arrives.
  if (!sync.loaded) {
    return (
      <p class="sync-line" data-testid="sync-line">
        {'\u00a0'}
      </p>
    );
  }
  let text: string;
  let tone = 'ok';
  if (!state) {
    text = t('Saved on this phone only ({waiting}) — join your event in Settings to sync.', { waiting: waitingText });
    tone = 'warn';
  } else if (state.lastError) {
    text = t('Not synced ({waiting}): {reason}', { waiting: waitingText, reason: state.lastError.message });
    tone = 'warn';
  } else if (state.lastSyncedAt) {
    text = t('Synced {when} · {waiting}', { when: formatWhen(state.lastSyncedAt, event.timezone), waiting: waitingText });
  } else {
    text = t('Syncing… ({waiting})', { waiting: waitingText });
  }
  return (
    <p class={`sync-line sync-line--${tone}`} data-testid="sync-line">
      {text}
      {state?.lastError && !blocked && <NextTry at={state.nextTryAt ?? null} />}
      {updateNeeded && (
        <>
          {' '}
          <button
            type="button"
            class="button button--primary"
            onClick={update === 'none' ? () => window.location.reload() : applyUpdate}
          >
            {t('Update Helptent')}
          </button>
        </>
      )}
      {refused > 0 && (
        <>
          {' '}
          · <a href="/settings#sync-title">{tn(refused, '{count} change refused', '{count} changes refused')}</a>
        </>
      )}
    </p>
  );
}
