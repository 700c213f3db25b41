import { Screen } from '../components/screen';
import { t } from '../i18n/messages';

export function NotFoundScreen() {
  return (
    <Screen title={t('Page not found')}>
      <p>
        {t('Helptent has no page at this address.')} <a href="/">{t('Go to logging')}</a>
      </p>
    </Screen>
  );
}
