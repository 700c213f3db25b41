import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { removeRefusedIssue } from '../../db/rejection-repository';
import type { RefusedChange } from '../../db/rows';
import { errorMessage } from '../changes';
import { RefusalNotice } from '../components/refusal-notice';
import { t, tn } from '../i18n/messages';
import { useSession } from '../session';

/**
 * Per issue: is it on the server yet, and did the server refuse any change to it. A refusal
 * stays in sight until someone has read it; an issue the server refused to create can then be
 * removed from this phone, since nothing done to it can ever reach the server.
 */
export function IssueSyncState({
  issueId,
  synced,
  waiting,
  refusals,
}: {
  issueId: string;
  synced: boolean;
  /** Read with the issue, by the screen: arriving later, a longer line moved the forms below it. */
  waiting: number;
  refusals: RefusedChange[];
}) {
  const { db } = useSession();
  const location = useLocation();
  const [problem, setProblem] = useState('');
  const creationRefused = !synced && refusals.some((r) => r.name === 'createIssue');
  const text =
    waiting > 0
      ? tn(
          waiting,
          'Saved on this phone — {count} change not on the server yet',
          'Saved on this phone — {count} changes not on the server yet',
        )
      : synced
        ? t('Synced with the server')
        : creationRefused
          ? t('Only on this phone: the server refused to take it')
          : t('Saved on this phone');
  const remove = async () => {
    if (!window.confirm(t('Remove this issue from this phone? The server never had it; what was typed stays in Settings.')))
      return;
    try {
      await removeRefusedIssue(db, issueId, new Date().toISOString());
      location.route('/queue');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <>
      <p class="issue-sync" data-testid="issue-sync">
        {text}
      </p>
      <RefusalNotice
        refusals={refusals}
        target={issueId}
        describe={(r) => (r.name === 'createIssue' ? t('this issue') : t('a change ({name})', { name: r.name }))}
      />
      {creationRefused && (
        <button type="button" class="button" onClick={() => void remove()}>
          {t('Remove it from this phone')}
        </button>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
