import type { Workbox } from 'workbox-window';
import { afterFirstScreen } from './first-screen';
import { createStore } from './store';
import { requestSync } from './sync-bridge';

/**
 * The only place the page talks to the service worker. A new version never takes over on its
 * own: it waits, the page shows "a new version is ready", and only the person's tap on Reload
 * activates it.
 */
export type UpdateState =
  | 'none'
  /** A new version is installed and waiting for the person's tap. */
  | 'ready'
  | 'activating'
  /** Another tab already switched to the new version; this page still runs the old code. */
  | 'reload-needed';

export const updateState = createStore<UpdateState>('none');
export const offlineReady = createStore(false);

let workbox: Workbox | undefined;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // workbox-window's `controlling` event reports isUpdate=false for the whole life of a page
  // first opened without a service worker, so follow the controller directly.
  // A push reached this phone while Helptent is open: sync now, so the banner shows the alert.
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'alert') requestSync();
  });
  let hadController = Boolean(navigator.serviceWorker.controller);
  offlineReady.set(hadController);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) {
      // First install took control (clientsClaim): the app shell is precached.
      hadController = true;
      offlineReady.set(true);
      return;
    }
    // Reload at once only when the person asked for it here; otherwise ask them to.
    if (updateState.get() === 'activating') window.location.reload();
    else updateState.set('reload-needed');
  });
  // Not needed to draw the first screen, so fetched after it (it is precached with the rest).
  afterFirstScreen(() => {
    void import('workbox-window')
      .then(({ Workbox }) => {
        workbox = new Workbox('/sw.js', { scope: '/' });
        workbox.addEventListener('waiting', () => updateState.set('ready'));
        void workbox.register();
      })
      // Offline before the app was ever installed: it registers on the next open with signal.
      .catch(() => undefined);
  });
  // Phones keep the app open for days: look for a new version when it comes back to the front.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
}

export async function checkForUpdate(): Promise<void> {
  if (!workbox || !navigator.onLine) return;
  try {
    await workbox.update();
  } catch {
    // Offline or server down: the next check will try again.
  }
}

export function applyUpdate(): void {
  if (!workbox || updateState.get() === 'reload-needed') {
    window.location.reload();
    return;
  }
  updateState.set('activating');
  workbox.messageSkipWaiting();
}
