import { useState } from 'preact/hooks';
import { photoBudgetChoices, readPhotoStorageUse, savePhotoBudget } from '../../db/photo-budget';
import { errorMessage } from '../changes';
import { SelectField } from '../components/fields';
import { formatBytes } from '../format';
import { t, tn } from '../i18n/messages';
import { PhotoUploadProgress } from '../progress/photo-upload-progress';
import { useSession } from '../session';
import { useLiveQuery } from '../use-live-query';

/**
 * How much room photos take on this phone, and how much they may. Over the budget, the phone
 * drops copies the server holds (full pictures first, least recently viewed first, then
 * thumbnails) and never one it holds alone.
 */
export function PhotoStorageSection() {
  const { db } = useSession();
  const use = useLiveQuery(() => readPhotoStorageUse(db), [db]).data;
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(null);
  if (!use) return null;
  const choices = photoBudgetChoices.includes(use.budgetBytes as (typeof photoBudgetChoices)[number])
    ? [...photoBudgetChoices]
    : [...photoBudgetChoices, use.budgetBytes].sort((a, b) => a - b);
  const change = async (value: string) => {
    try {
      await savePhotoBudget(db, Number(value));
      setOutcome({
        kind: 'saved',
        message: t('Photos may now take {size} on this phone.', { size: formatBytes(Number(value)) }),
      });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };
  return (
    <section aria-labelledby="photo-storage-title" class="card">
      <h2 id="photo-storage-title">{t('Photos on this phone')}</h2>
      <p data-testid="photo-storage">
        {tn(
          use.files,
          'Photos use {used} of the {budget} set aside for them ({count} file).',
          'Photos use {used} of the {budget} set aside for them ({count} files).',
          {
            used: formatBytes(use.bytes),
            budget: formatBytes(use.budgetBytes),
          },
        )}
      </p>
      <PhotoUploadProgress />
      {use.waitingFiles > 0 && (
        <p data-testid="photo-storage-waiting">
          {tn(
            use.waitingFiles,
            '{count} file ({size}) not on the server yet: kept on this phone whatever the budget, until they are uploaded.',
            '{count} files ({size}) not on the server yet: kept on this phone whatever the budget, until they are uploaded.',
            { size: formatBytes(use.waitingBytes) },
          )}
        </p>
      )}
      {use.bytes > use.budgetBytes && (
        <p class="message message--warning" role="status">
          {t('Over the budget: only photos not on the server yet are left to drop, and those are never dropped.')}
        </p>
      )}
      <SelectField
        label={t('Space for photos')}
        hint={t(
          'Over it, this phone drops its copies of photos already on the server: full pictures first, least recently viewed first, then thumbnails. They are fetched again when opened.',
        )}
        value={String(use.budgetBytes)}
        options={choices.map((bytes) => ({ value: String(bytes), label: formatBytes(bytes) }))}
        onChange={(value) => void change(value)}
      />
      {outcome && (
        <p
          class={`message message--${outcome.kind === 'saved' ? 'ok' : 'error'}`}
          role={outcome.kind === 'saved' ? 'status' : 'alert'}
        >
          {outcome.message}
        </p>
      )}
    </section>
  );
}
