import { appVersion } from '../domain/app-version';

const maxReportsPerPage = 5;

/**
 * Sends uncaught errors to the server log so a crash on a phone in a field is seen by someone.
 * Best effort: never retried, never queued, and it can never throw itself.
 */
export function reportUncaughtErrors(): void {
  let sent = 0;
  const send = (message: string, stack: string | undefined) => {
    if (sent >= maxReportsPerPage || !navigator.onLine) return;
    sent += 1;
    const body = JSON.stringify({
      message: message.slice(0, 2000) || 'unknown error',
      stack: stack?.slice(0, 8000),
      url: location.pathname,
      version: appVersion,
      occurredAt: new Date().toISOString(),
    });
    fetch('/api/client-errors', { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }).catch(
      () => undefined,
    );
  };
  window.addEventListener('error', (event) => send(String(event.message), (event.error as Error | undefined)?.stack));
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason as unknown;
    send(reason instanceof Error ? reason.message : String(reason), reason instanceof Error ? reason.stack : undefined);
  });
}
