/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { HelptentDatabase } from '../src/db/database';
import { createTransport } from '../src/sync/http';
import { defaultSyncSizes, syncOnce } from '../src/sync/sync-once';
import { handlePushMessages } from './push-handlers';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell and every lazy screen chunk: after one visit the whole app opens offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every client route (/queue, /issues/…, /summary, /settings) is the same shell; the router in
// the page picks the screen. API calls and health checks must always reach the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz/],
  }),
);

// First install takes control at once so the first visit already works offline. An update
// waits until the person taps "Reload" (the page sends SKIP_WAITING), never under a form
// being typed.
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Alerts while every Helptent window is closed: a notification for each push, a tap opens the
// issue, and open windows get `{ type: 'alert', payload }` for their in-app banner (push-handlers.ts).
handlePushMessages();

// Background Sync (Chromium): when signal returns, the browser wakes this worker even if every
// Helptent tab is closed, and the outbox goes out. Other browsers sync when the app is opened.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener('sync', (event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag === 'helptent-sync') syncEvent.waitUntil(syncInBackground());
});

async function syncInBackground(): Promise<void> {
  const db = new HelptentDatabase();
  const run = () => syncOnce(db, createTransport({ isOnline: () => true }), defaultSyncSizes).then(() => undefined);
  try {
    // The same lock as the page's engine: two rounds at once could file a refusal nowhere.
    const locks = (self.navigator as WorkerNavigator & { locks?: LockManager }).locks;
    await (locks ? locks.request('helptent-sync', run) : run());
  } finally {
    db.close();
  }
}
