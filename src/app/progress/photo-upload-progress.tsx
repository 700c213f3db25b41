import { readPhotoUploadProgress } from '../../db/photo-upload-queue';
import { t } from '../i18n/messages';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';
import { ProgressReport } from './progress-report';

/** The photo upload queue as a whole: "Uploading photos: 3 of 7", beside each photo's own percent. */
export function PhotoUploadProgress() {
  const { db } = useSession();
  const progress = useLiveQuery(() => readPhotoUploadProgress(db), [db]).data;
  if (!progress) return null;
  return (
    <ProgressReport
      testId="photo-upload-progress"
      label={t('Uploading photos')}
      done={progress.done}
      total={progress.total}
      next={t(
        'Issues and notes sync first; photos follow. You can keep working and leave this screen: uploads carry on, and resume where they stopped after a lost signal.',
      )}
    />
  );
}
