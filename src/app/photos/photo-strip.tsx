import { useEffect, useState } from 'preact/hooks';
import { type PhotoView, readPhotoViews } from '../../db/photo-repository';
import type { Issue } from '../../domain/issue';
import type { PhotoRef } from '../../domain/photo';
import { fetchMissingThumbnails } from '../../sync/photo-download';
import { formatWhen } from '../labels';
import { PhotoUploadProgress } from '../progress/photo-upload-progress';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { photoStateText } from './photo-state-text';
import { PhotoViewer } from './photo-viewer';
import { useObjectUrl } from './use-object-url';
import './photos.css';
import { t } from '../i18n/messages';

/** A thumbnail another phone has not finished uploading is asked for again this often. */
const thumbnailRetryMs = 15_000;

export function photoAlt(photo: PhotoRef, index: number, count: number, timezone: string): string {
  return t('Photo {number} of {count}, added {when} by {name}', {
    number: index + 1,
    count,
    when: formatWhen(photo.at, timezone),
    name: photo.by.name,
  });
}

function Thumbnail({ view, alt, onOpen }: { view: PhotoView; alt: string; onOpen: () => void }) {
  const url = useObjectUrl(view.thumb, view.photo.thumb.hash);
  const state = photoStateText(view.state);
  return (
    <li class="photo-strip__item">
      <button type="button" class="photo-strip__open" onClick={onOpen}>
        {url ? (
          <img src={url} alt={alt} width={view.photo.thumb.width} height={view.photo.thumb.height} />
        ) : (
          <span class="photo-strip__missing">
            <span class="visually-hidden">{alt}: </span>
            {t('not on this phone yet')}
          </span>
        )}
      </button>
      <p class={`photo-state photo-state--${view.state.kind}`} data-testid="photo-state">
        {state}
      </p>
    </li>
  );
}

/**
 * The photos of an issue as thumbnails, each saying where it is ("On this phone only",
 * "Uploading 40%", "On the server"); a tap opens the full picture. Thumbnails this phone lacks
 * are fetched when the issue is shown.
 */
export function PhotoStrip({ issue }: { issue: Issue }) {
  const { db, event } = useSession();
  const [openId, setOpenId] = useState<string | null>(null);
  const views = useLiveQuery(() => readPhotoViews(db, issue), [db, issue]).data ?? [];
  const missing = views.filter((view) => view.thumb === null).length;
  useEffect(() => {
    if (missing === 0) return;
    void fetchMissingThumbnails(db, issue);
    const timer = setInterval(() => {
      if (navigator.onLine) void fetchMissingThumbnails(db, issue);
    }, thumbnailRetryMs);
    return () => clearInterval(timer);
  }, [db, issue, missing]);
  const photos = issue.photos ?? [];
  if (photos.length === 0) return <p class="muted">{t('No photos yet.')}</p>;
  const open = views.find((view) => view.photo.id === openId);
  return (
    <>
      <ul class="photo-strip" aria-label={t('Photos')}>
        {views.map((view, i) => (
          <Thumbnail
            key={view.photo.id}
            view={view}
            alt={photoAlt(view.photo, i, views.length, event.timezone)}
            onOpen={() => setOpenId(view.photo.id)}
          />
        ))}
      </ul>
      <PhotoUploadProgress />
      {open && (
        <PhotoViewer
          issue={issue}
          view={open}
          alt={photoAlt(open.photo, views.indexOf(open), views.length, event.timezone)}
          onClose={() => setOpenId(null)}
        />
      )}
    </>
  );
}
