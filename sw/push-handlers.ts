/// <reference lib="webworker" />
import * as z from 'zod/mini';
import { HelptentDatabase } from '../src/db/database';
import { type NotificationWords, readNotificationWords } from '../src/db/notification-words';
import { type AlertMessage, type PushPayload, pushPayloadSchema } from '../src/domain/push-payload';
import { saveSubscriptionOnServer } from '../src/sync/push-api';
import { alertNotificationText, unreadableNotificationText } from './alert-words';
import { appUrl, openAppAt } from './notification-target';

declare const self: ServiceWorkerGlobalScope;

/** Fields Chromium and Firefox honour that TypeScript's lib no longer lists. */
interface AlertNotificationOptions extends NotificationOptions {
  renotify?: boolean;
  vibrate?: number[];
  timestamp?: number;
}

/** Long-short-long: felt through a pocket, and not the rhythm of a message from a friend. */
const alertVibration = [400, 150, 400, 150, 800];

/** The payload of a push, or null when it is not one of ours (or not JSON at all). */
function readPayload(data: PushMessageData | null): PushPayload | null {
  if (!data) return null;
  try {
    const parsed = z.safeParse(pushPayloadSchema, data.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The words the page left for notifications in its person's language; none (English) if they cannot be read. */
async function storedWords(): Promise<NotificationWords | null> {
  try {
    const db = new HelptentDatabase();
    try {
      return await readNotificationWords(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function showAlert(payload: PushPayload | null): Promise<void> {
  const words = await storedWords();
  if (!payload) {
    // Every push must show a notification (userVisibleOnly): an unreadable one still says where to look.
    await self.registration.showNotification('Helptent', {
      body: unreadableNotificationText(words),
      tag: 'helptent',
      icon: '/icons/icon-192.png',
      data: { url: '/queue' },
    });
    return;
  }
  const { title, body } = alertNotificationText(payload, words);
  const options: AlertNotificationOptions = {
    body,
    // One notification per issue: a newer alert for it replaces the older one, and rings again.
    tag: `issue:${payload.issueId}`,
    renotify: true,
    // Alerts wait for a person to act on them; they do not slide away unseen.
    requireInteraction: true,
    vibrate: alertVibration,
    // No badge: Android draws a badge from its transparency alone, and the app icon has none.
    icon: '/icons/icon-192.png',
    timestamp: Date.parse(payload.at),
    data: { url: payload.url, alertId: payload.alertId, issueId: payload.issueId },
  };
  await self.registration.showNotification(title, options);
  // An open app shows its own banner at once (the in-app alert), without waiting for a sync.
  const message: AlertMessage = { type: 'alert', payload };
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/**
 * The browser replaced this phone's push subscription (it expired, or the push service rotated
 * it): subscribe again with the same server key and tell the server, or alerts stop silently.
 */
async function renewSubscription(
  event: Event & { oldSubscription?: PushSubscription | null; newSubscription?: PushSubscription | null },
) {
  const key = event.oldSubscription?.options.applicationServerKey;
  const renewed =
    event.newSubscription ??
    (key ? await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
  if (!renewed) return;
  const db = new HelptentDatabase();
  try {
    await saveSubscriptionOnServer(db, renewed);
  } finally {
    db.close();
  }
}

export function handlePushMessages(): void {
  self.addEventListener('push', (event) => event.waitUntil(showAlert(readPayload(event.data))));

  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = appUrl((event.notification.data as { url?: unknown } | null)?.url, self.location.origin);
    event.waitUntil(openAppAt(self.clients, url));
  });

  self.addEventListener('pushsubscriptionchange', (event) => {
    (event as ExtendableEvent).waitUntil(renewSubscription(event).catch(() => undefined));
  });
}
