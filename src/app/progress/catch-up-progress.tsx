import type { SyncState } from '../../db/sync-state';
import { t } from '../i18n/messages';
import { ProgressReport } from './progress-report';

/**
 * A catch-up under way (joining mid-festival pulls every issue of the event): how far it got and
 * that nothing waits on it. Paused when the last round failed: it goes on from the same place.
 */
export default function CatchUpProgress({ state }: { state: SyncState }) {
  const catchUp = state.catchUp;
  // Signed out, or too old for the server: the sync line says what to do, and it is not "wait".
  const blocked = state.signedOut || state.lastError?.kind === 'unauthorized' || state.lastError?.kind === 'update-needed';
  if (!catchUp || blocked) return null;
  const paused = !!state.lastError;
  return (
    <ProgressReport
      testId="catch-up"
      label={t('Fetching the event’s issues')}
      done={catchUp.fetched}
      total={catchUp.total}
      next={
        paused
          ? t('Paused: it goes on from here when the phone reaches the server again. You can log issues meanwhile.')
          : t('You can log issues meanwhile. The queue fills in as they arrive; then this goes away.')
      }
    />
  );
}
