import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { reportError } from '../error-reporting';
import { t } from '../i18n/messages';

/**
 * A bug in one screen must not blank the whole app in front of an attendee: say so plainly,
 * point out that saved issues are safe, and offer the way back.
 */
export function CrashGuard({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => reportError(caught));
  if (error) {
    return (
      <div class="card" role="alert">
        <h1>{t('This screen ran into a problem')}</h1>
        <p>{t('Everything already saved on this phone is safe. Go back to logging, or reload Helptent.')}</p>
        <p class="button-list">
          <a class="button" href="/" onClick={() => reset()}>
            {t('Go to logging')}
          </a>
          <button type="button" class="button button--primary" onClick={() => window.location.reload()}>
            {t('Reload')}
          </button>
        </p>
      </div>
    );
  }
  return <>{children}</>;
}
