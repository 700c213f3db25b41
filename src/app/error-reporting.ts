import { appVersion } from '../domain/app-version';
import { postClientError } from '../sync/client-error-report';

const maxReportsPerPage = 5;

let sent = 0;

/**
 * Sends an error to the server log so a crash on a phone in a field is seen by someone.
 * Best effort: never retried, never queued, and it can never throw itself.
 */
function send(message: string, stack: string | undefined): void {
  if (sent >= maxReportsPerPage || !navigator.onLine) return;
  sent += 1;
  postClientError({
    message: message.slice(0, 2000) || 'unknown error',
    stack: stack?.slice(0, 8000),
    url: location.pathname,
    version: appVersion,
    occurredAt: new Date().toISOString(),
  });
}

/** For errors the app caught itself (a screen that crashed) but someone should still see. */
export function reportError(error: unknown): void {
  send(error instanceof Error ? error.message : String(error), error instanceof Error ? error.stack : undefined);
}

export function reportUncaughtErrors(): void {
  window.addEventListener('error', (event) => send(String(event.message), (event.error as Error | undefined)?.stack));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason));
}
