import { useEffect, useRef, useState } from 'preact/hooks';
import { type PhotoView, readPhotoFile, touchPhotoFile } from '../../db/photo-repository';
import { AppError } from '../../domain/app-error';
import type { Issue } from '../../domain/issue';
import { fetchPhotoFile } from '../../sync/photo-download';
import { contextOf, errorMessage } from '../changes';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { requestSync } from '../sync-bridge';
import { useLiveQuery } from '../use-live-query';
import { photoStateText } from './photo-state-text';
import { useObjectUrl } from './use-object-url';

type Fetching = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string };

/**
 * One photo full size, in a modal dialog (focus stays inside, Escape closes). The full picture is
 * fetched when this phone does not hold it; until then the thumbnail stands in.
 */
export function PhotoViewer({ issue, view, alt, onClose }: { issue: Issue; view: PhotoView; alt: string; onClose: () => void }) {
  const session = useSession();
  const { db } = session;
  const dialog = useRef<HTMLDialogElement>(null);
  const [fetching, setFetching] = useState<Fetching>({ kind: 'idle' });
  const [problem, setProblem] = useState('');
  const { photo } = view;
  const full = useLiveQuery(() => readPhotoFile(db, photo.full.hash), [db, photo.full.hash]);
  const fullUrl = useObjectUrl(full.data?.blob ?? null, photo.full.hash);
  const thumbUrl = useObjectUrl(view.thumb, photo.thumb.hash);

  useEffect(() => {
    dialog.current?.showModal();
    // Looked at now: the storage budget drops this photo after those nobody opened.
    const now = new Date().toISOString();
    void touchPhotoFile(db, photo.full.hash, now).catch(() => undefined);
    void touchPhotoFile(db, photo.thumb.hash, now).catch(() => undefined);
  }, [db, photo.full.hash, photo.thumb.hash]);

  useEffect(() => {
    if (!full.loaded || full.data) return;
    setFetching({ kind: 'loading' });
    fetchPhotoFile(db, issue.id, photo, 'full').then(
      (blob) =>
        setFetching(
          blob
            ? { kind: 'idle' }
            : { kind: 'failed', message: t('The full picture is not on this phone, and this phone has not joined an event.') },
        ),
      (error: unknown) =>
        setFetching({
          kind: 'failed',
          message:
            error instanceof AppError && error.kind === 'offline'
              ? t('The full picture is not on this phone yet; it loads when there is signal.')
              : errorMessage(error),
        }),
    );
  }, [db, issue.id, photo, full.loaded, full.data === undefined]);

  const remove = async () => {
    if (!window.confirm(t('Remove this photo from the issue? It is removed on every phone.'))) return;
    try {
      const { removePhoto } = await import('../../db/save-photo');
      await removePhoto(db, session.event, { issueId: issue.id, photoId: photo.id, context: contextOf(session) });
      requestSync();
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const url = fullUrl ?? thumbUrl;
  return (
    <dialog ref={dialog} class="photo-viewer" aria-labelledby="photo-viewer-title" onClose={onClose}>
      <div class="photo-viewer__bar">
        <h2 id="photo-viewer-title" class="photo-viewer__title">
          {alt}
        </h2>
        <button type="button" class="button button--primary" onClick={() => dialog.current?.close()}>
          {t('Close')}
        </button>
      </div>
      {url ? (
        <img
          class="photo-viewer__image"
          src={url}
          alt={fullUrl ? t('{photo}, full size', { photo: alt }) : t('{photo}, thumbnail', { photo: alt })}
          width={fullUrl ? photo.full.width : photo.thumb.width}
          height={fullUrl ? photo.full.height : photo.thumb.height}
        />
      ) : null}
      <p class="photo-viewer__note" role="status">
        {fullUrl
          ? photoStateText(view.state)
          : fetching.kind === 'loading'
            ? t('Loading the full picture…')
            : fetching.kind === 'failed'
              ? fetching.message
              : ''}
      </p>
      {!issue.voided && (
        <button type="button" class="button button--danger" onClick={() => void remove()}>
          {t('Remove this photo')}
        </button>
      )}
      {problem && (
        <p class="message message--error" role="alert">
          {problem}
        </p>
      )}
    </dialog>
  );
}
