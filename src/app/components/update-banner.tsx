import { t } from '../i18n/messages';
import { useStore } from '../store';
import { applyUpdate, updateState } from '../sw-bridge';

export function UpdateBanner() {
  const state = useStore(updateState);
  if (state === 'none') return null;
  return (
    <div class="banner banner--info" role="status">
      <p>{t('A new version of Helptent is ready. Anything you typed is kept.')}</p>
      <button type="button" class="button button--primary" onClick={applyUpdate} disabled={state === 'activating'}>
        {state === 'activating' ? t('Reloading…') : t('Reload')}
      </button>
    </div>
  );
}
