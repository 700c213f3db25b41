import type { AppErrorData } from '../../domain/app-error';
import { Screen } from '../components/screen';
import { t } from '../i18n/messages';
import { openLocalDatabase } from '../local-database';

export function StorageUnavailableScreen({ error }: { error: AppErrorData }) {
  const title = error.kind === 'quota' ? t('This phone is out of storage space') : t('Helptent cannot save on this phone');
  return (
    <Screen title={title}>
      <p role="alert">{error.message}</p>
      <button type="button" class="button button--primary" onClick={() => void openLocalDatabase()}>
        {t('Try again')}
      </button>
    </Screen>
  );
}
