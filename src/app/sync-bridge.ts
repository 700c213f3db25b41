import type { HelptentDatabase } from '../db/database';
import type { SyncEngine } from '../sync/sync-engine';

/**
 * The page's door to the sync engine. The engine (and the mutators it re-applies when rebasing)
 * loads after the first screen is up, so staff can start typing before any of it arrives.
 */
let engine: SyncEngine | undefined;
let requested = false;

export function startSync(db: HelptentDatabase): void {
  void import('../sync/sync-engine').then(({ SyncEngine }) => {
    engine = new SyncEngine(db);
    engine.start();
    if (requested) engine.requestSync();
  });
}

/** Something worth sending was saved, or the person asked: sync as soon as possible. */
export function requestSync(): void {
  if (engine) engine.requestSync();
  else requested = true;
  if (!navigator.onLine) registerBackgroundSync();
}

/**
 * Where the browser has Background Sync (Chromium), ask it to wake the service worker when
 * signal returns, so the outbox goes out even if the tab is closed by then.
 */
function registerBackgroundSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(
        'helptent-sync',
      ),
    )
    .catch(() => undefined);
}
