import { useEffect, useId, useState } from 'preact/hooks';
import type { Issue } from '../../domain/issue';
import { maxPhotosPerIssue } from '../../domain/photo';
import { errorMessage } from '../changes';
import { useSession } from '../session';
import { attachPhotos } from './attach-photos';
import { holdPhotoWorker } from './prepare-photo';
import './photos.css';
import { t, tn } from '../i18n/messages';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; saved: number; total: number }
  | { kind: 'saved'; count: number }
  | { kind: 'failed'; message: string; saved: number };

/**
 * Takes or picks photos for an issue: the camera opens at once on a phone, and several pictures
 * may be picked from the gallery. Each is shrunk, stripped of its location data and saved with
 * its change; the upload follows by itself. Usable on any form that has an issue to attach to.
 */
export function PhotoPicker({ issue, label = t('Add photos') }: { issue: Issue; label?: string }) {
  const session = useSession();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // Ready before the camera closes: loading the worker then would add to every first photo.
  useEffect(() => holdPhotoWorker(), []);
  // The issue comes from the screen, not a read of its own: arriving later, the button pushed
  // every form below it down the page under a finger about to tap.
  if (issue.voided) return null;
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
      saved = await attachPhotos(session, issue.id, files, {
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
            {tn(
              room,
              'Up to {count} more photo. Location data is removed before a photo is kept.',
              'Up to {count} more photos. Location data is removed before a photo is kept.',
            )}
          </p>
        </>
      ) : (
        <p class="muted">
          {tn(
            maxPhotosPerIssue,
            'This issue holds {count} photo, the most one issue keeps.',
            'This issue holds {count} photos, the most one issue keeps.',
          )}
        </p>
      )}
      <div class="photo-picker__outcome">
        {busy && (
          <p class="message" role="status">
            {outcome.total === 1
              ? t('Adding the photo…')
              : t('Adding photo {number} of {total}…', { number: outcome.saved + 1, total: outcome.total })}
          </p>
        )}
        {outcome.kind === 'saved' && (
          <p class="message message--ok" role="status">
            {tn(outcome.count, 'Photo saved on this phone.', '{count} photos saved on this phone.')}
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p class="message message--error" role="alert">
            {outcome.saved > 0
              ? `${tn(outcome.saved, '{count} photo saved; the next one was not.', '{count} photos saved; the next one was not.')} `
              : ''}
            {outcome.message}
          </p>
        )}
      </div>
    </div>
  );
}
