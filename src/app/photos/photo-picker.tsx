import { useEffect, useId, useState } from 'preact/hooks';
import { readIssue } from '../../db/issue-repository';
import { maxPhotosPerIssue } from '../../domain/photo';
import { errorMessage } from '../changes';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { attachPhotos } from './attach-photos';
import { holdPhotoWorker } from './prepare-photo';
import './photos.css';
import { t } from '../i18n/messages';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; saved: number; total: number }
  | { kind: 'saved'; count: number }
  | { kind: 'failed'; message: string; saved: number };

const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);

/**
 * Takes or picks photos for an issue: the camera opens at once on a phone, and several pictures
 * may be picked from the gallery. Each is shrunk, stripped of its location data and saved with
 * its change; the upload follows by itself. Usable on any form that has an issue to attach to.
 */
export function PhotoPicker({ issueId, label = 'Add photos' }: { issueId: string; label?: string }) {
  const session = useSession();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const issue = useLiveQuery(() => readIssue(session.db, issueId), [session.db, issueId]).data;
  // Ready before the camera closes: loading the worker then would add to every first photo.
  useEffect(() => holdPhotoWorker(), []);
  if (!issue || issue.voided) return null;
  const held = issue.photos?.length ?? 0;
  const room = maxPhotosPerIssue - held;

  const pick = async (event: Event) => {
    const startedAt = performance.now();
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Emptied so that picking the same picture again is a change too.
    input.value = '';
    if (files.length === 0) return;
    setOutcome({ kind: 'busy', saved: 0, total: files.length });
    let saved = 0;
    try {
      saved = await attachPhotos(session, issueId, files, {
        startedAt,
        alreadyOnIssue: held,
        onProgress: (progress) => {
          saved = progress.saved;
          setOutcome({ kind: 'busy', ...progress });
        },
      });
      setOutcome({ kind: 'saved', count: saved });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error), saved });
    }
  };

  const busy = outcome.kind === 'busy';
  return (
    <div class="photo-picker">
      {room > 0 ? (
        <>
          <input
            id={inputId}
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void pick(e)}
          />
          <label class="button photo-picker__button" for={inputId}>
            {label}
          </label>
          <p class="field__hint" id={`${inputId}-hint`}>
            Up to {photos(room)} more. Location data is removed before a photo is kept.
          </p>
        </>
      ) : (
        <p class="muted">This issue holds {maxPhotosPerIssue} photos, the most one issue keeps.</p>
      )}
      <div class="photo-picker__outcome">
        {busy && (
          <p class="message" role="status">
            Adding {outcome.total === 1 ? t('the photo') : `photo ${outcome.saved + 1} of ${outcome.total}`}…
          </p>
        )}
        {outcome.kind === 'saved' && (
          <p class="message message--ok" role="status">
            {outcome.count === 1 ? t('Photo saved on this phone.') : `${photos(outcome.count)} saved on this phone.`}
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p class="message message--error" role="alert">
            {outcome.saved > 0 ? `${photos(outcome.saved)} saved; the next one was not. ` : ''}
            {outcome.message}
          </p>
        )}
      </div>
    </div>
  );
}
