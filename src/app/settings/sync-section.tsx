import { readKeptChanges } from '../../db/attendee-data-removal';
import { readAllRejections } from '../../db/rejection-repository';
import { readSyncState, type SignedOut } from '../../db/sync-state';
import { ChangeForm } from '../components/change-form';
import { roleLabels } from '../components/staff-picker';
import { t, tn } from '../i18n/messages';
import { formatWhen } from '../labels';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';
import { JoinEvent } from './join-event';
import { LetSomeoneJoin } from './let-someone-join';
import { SignOutAndClear } from './sign-out-and-clear';

/**
 * A signed-out phone says so plainly: its attendee details are gone, and what it had not sent is
 * kept (the outbox, listed here) until an organizer lets it back in.
 */
function SignedOutNotice({ signedOut }: { signedOut: SignedOut }) {
  const { db, event } = useSession();
  const kept = useLiveQuery(() => readKeptChanges(db), [db]).data;
  if (!kept) return null;
  return (
    <div class="message message--warning" data-testid="signed-out" role="status">
      <p>
        {signedOut.by === 'self' ? t('This phone was signed out at the end of a shift') : t('An organizer signed this phone out')}{' '}
        ({formatWhen(signedOut.at, event.timezone)}). {t('The attendee details it held were removed.')}
      </p>
      <p data-testid="kept-changes">
        {kept.length === 0
          ? t('Nothing it had not sent was kept: every change had reached the server.')
          : tn(
              kept.length,
              '{count} change kept on this phone because it was signed out; they are sent if an organizer lets it back in.',
              '{count} changes kept on this phone because it was signed out; they are sent if an organizer lets it back in.',
            )}
      </p>
      {kept.length > 0 && (
        <ul class="kept-changes">
          {kept.map((change) => (
            <li key={change.mutationId}>
              {change.name} ({formatWhen(change.createdAt, event.timezone)}, {change.actor.name})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What was typed into an issue the server refused to create: still here to log again by hand. */
function RefusedText({ args }: { args: unknown }) {
  const { summary, details } = (args ?? {}) as { summary?: unknown; details?: unknown };
  const text = [summary, details].filter((part) => typeof part === 'string' && part !== '').join(' — ');
  return text ? <blockquote class="refused-text">{text}</blockquote> : null;
}

export function SyncSection() {
  const { db, event } = useSession();
  const state = useLiveQuery(() => readSyncState(db), [db]);
  const refused = useLiveQuery(() => readAllRejections(db), [db]).data ?? [];
  // A scanned QR code opens /settings#code=…: the fragment never reaches a server log.
  const codeFromLink = /[#&]code=([^&]+)/.exec(window.location.hash)?.[1] ?? '';
  if (!state.loaded) return null;
  return (
    <section aria-labelledby="sync-title" class="card">
      <h2 id="sync-title">{t('Sync with the server')}</h2>
      {!state.data ? (
        <>
          <p>{t('This phone keeps everything on its own until it joins your event.')}</p>
          <JoinEvent initialCode={decodeURIComponent(codeFromLink)} />
        </>
      ) : (
        <>
          {state.data.signedOut && <SignedOutNotice signedOut={state.data.signedOut} />}
          <dl class="facts">
            <dt>{t('Event')}</dt>
            <dd>{event.name}</dd>
            <dt>{t('Signed in as')}</dt>
            <dd>
              {state.data.staffName} ({roleLabels[state.data.role].toLowerCase()})
            </dd>
            <dt>{t('Last synced')}</dt>
            <dd data-testid="last-synced">
              {state.data.lastSyncedAt ? formatWhen(state.data.lastSyncedAt, event.timezone) : t('not yet')}
            </dd>
            {state.data.lastError && (
              <>
                <dt>{t('Problem')}</dt>
                <dd>{state.data.lastError.message}</dd>
              </>
            )}
            {(state.data.setAside?.length ?? 0) > 0 && (
              <>
                <dt>{t('Kept aside')}</dt>
                <dd data-testid="set-aside">
                  {tn(
                    state.data.setAside!.length,
                    '{count} issue from the server could not be read on this phone; everything else synced, and the server’s log was told. Updating Helptent may fix it.',
                    '{count} issues from the server could not be read on this phone; everything else synced, and the server’s log was told. Updating Helptent may fix it.',
                  )}
                </dd>
              </>
            )}
          </dl>
          <ChangeForm
            label={t('Sync now')}
            submitLabel={t('Sync now')}
            savedMessage={t('Syncing…')}
            onSubmit={async () => requestSync()}
          />
          {state.data.role !== 'staff' && <LetSomeoneJoin sync={state.data} />}
          <details class="join-again" open={codeFromLink !== ''}>
            <summary>{t('Join with another code')}</summary>
            <p class="muted">
              {t('To take on another role, for example: this phone keeps its issues and what it has not sent yet.')}
            </p>
            <JoinEvent initialCode={decodeURIComponent(codeFromLink)} />
          </details>
        </>
      )}
      <SignOutAndClear joined={state.data !== undefined} />
      {refused.length > 0 && (
        <>
          <h3>{t('Changes the server refused')}</h3>
          <ul class="rejections">
            {refused.map((r) => (
              <li key={r.mutationId}>
                {/* A refused settings change is filed under no issue: it is shown with the festival settings. */}
                <a href={r.issueId ? `/issues/${r.issueId}` : '/settings#festival-title'}>{r.name}</a> (
                {formatWhen(r.createdAt, event.timezone)}): {r.message}
                {r.dismissedAt ? t(' (read)') : ''}
                {r.name === 'createIssue' && <RefusedText args={r.args} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
