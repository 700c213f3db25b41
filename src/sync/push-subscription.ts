import type { HelptentDatabase } from '../db/database';
import { readSyncState } from '../db/sync-state';
import { AppError } from '../domain/app-error';
import { readServerPushKey, removeSubscriptionFromServer, saveSubscriptionOnServer } from './push-api';
import { type PushAvailability, type PushEnvironment, pushAvailability } from './push-availability';

/**
 * This phone's Web Push subscription: turning alerts on and off, keeping the server's copy
 * current, and dropping it at sign-out. Every browser API is feature-detected: none of push,
 * Notification or the service worker is assumed (iPhones have them only on the Home Screen).
 */

function currentEnvironment(): PushEnvironment {
  const hasNotification = typeof Notification !== 'undefined';
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone:
      window.matchMedia?.('(display-mode: standalone)').matches === true ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true,
    secure: window.isSecureContext,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: 'PushManager' in window,
    hasNotification,
    permission: hasNotification ? Notification.permission : null,
  };
}

export interface AlertsState {
  availability: PushAvailability;
  /** This browser holds a subscription made with the server's current key, and the server has it. */
  on: boolean;
}

/** The service worker's registration; it is missing for a moment on a first visit. */
async function registration(): Promise<ServiceWorkerRegistration> {
  const ready = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
  ]);
  if (!ready)
    throw new AppError(
      'offline',
      'Helptent is still installing on this phone. Keep it open with signal for a moment, then try again.',
    );
  return ready;
}

const base64url = (bytes: ArrayBuffer | null): string =>
  bytes
    ? btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')
    : '';

function keyBytes(key: string): Uint8Array<ArrayBuffer> {
  const text = atob(key.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The browser's subscription if it was made with this server key; one made with another key (the
 * server's keys were replaced) is useless, since every push service refuses messages signed with
 * another key, so it is dropped.
 */
async function subscriptionFor(registrationNow: ServiceWorkerRegistration, key: string): Promise<PushSubscription | null> {
  const existing = await registrationNow.pushManager.getSubscription();
  if (!existing) return null;
  if (base64url(existing.options.applicationServerKey) === key) return existing;
  await existing.unsubscribe();
  return null;
}

/** The push service did not give a subscription: say what it means for the person. */
function subscribeFailed(error: unknown): AppError {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return new AppError('forbidden', blockedMessage);
  return new AppError(
    'offline',
    'This browser could not sign up with its push service. Check the signal and try again; if it keeps failing, use Chrome, Edge, Firefox or Samsung Internet on Android, or Helptent on the Home Screen of an iPhone.',
  );
}

export const blockedMessage =
  'Notifications are blocked for Helptent on this phone, so alerts cannot reach it while Helptent is closed. Unblock them in the browser’s site settings (see below), then try again.';

/** What this phone can do now, for the Settings section. */
export async function readAlertsState(db: HelptentDatabase): Promise<AlertsState> {
  const availability = pushAvailability(currentEnvironment());
  if (availability.kind !== 'available' || availability.permission !== 'granted') return { availability, on: false };
  const state = await readSyncState(db);
  if (!state || state.signedOut) return { availability, on: false };
  const subscription = await (await registration()).pushManager.getSubscription();
  return { availability, on: subscription !== null };
}

/**
 * "Turn on alerts on this phone". The permission prompt comes first, straight from the tap:
 * Safari shows it only in answer to a gesture, and any wait before it (a request to the server)
 * loses that.
 */
export async function turnOnAlerts(db: HelptentDatabase): Promise<void> {
  const availability = pushAvailability(currentEnvironment());
  if (availability.kind !== 'available')
    throw new AppError('invalid', 'Alerts cannot be turned on in this browser (see above why).');
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new AppError('forbidden', blockedMessage);
  if (permission !== 'granted')
    throw new AppError('forbidden', 'Notifications were not allowed. Tap the button again and choose Allow.');
  const state = await readSyncState(db);
  if (!state) throw new AppError('invalid', 'Join your event first: alerts come from the event’s server.');
  const key = await readServerPushKey(state.token);
  const ready = await registration();
  let subscription = await subscriptionFor(ready, key);
  if (!subscription) {
    try {
      subscription = await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
    } catch (error) {
      throw subscribeFailed(error);
    }
  }
  await saveSubscriptionOnServer(db, subscription);
}

/** "Turn off alerts on this phone": the browser forgets the subscription, then the server does. */
export async function turnOffAlerts(db: HelptentDatabase): Promise<void> {
  await forgetPushSubscription();
  const state = await readSyncState(db);
  // Offline, the server learns it from the push service instead (410 at the next alert).
  if (state && !state.signedOut) await removeSubscriptionFromServer(state.token).catch(() => undefined);
}

/**
 * Makes sure the server holds this phone's current subscription, e.g. after an organizer let the
 * phone back in (signing out removed it on the server) or the server's keys changed. Quiet: it
 * only repeats what the person already agreed to, and does nothing without their permission.
 */
export async function refreshPushSubscription(db: HelptentDatabase): Promise<void> {
  const availability = pushAvailability(currentEnvironment());
  if (availability.kind !== 'available' || availability.permission !== 'granted') return;
  const state = await readSyncState(db);
  if (!state || state.signedOut) return;
  const ready = await registration();
  // No subscription in this browser: the person never turned alerts on here (or turned them off).
  if (!(await ready.pushManager.getSubscription())) return;
  const key = await readServerPushKey(state.token);
  const subscription =
    (await subscriptionFor(ready, key)) ??
    (await ready.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }).catch((error: unknown) => {
      throw subscribeFailed(error);
    }));
  await saveSubscriptionOnServer(db, subscription);
}

/** After "Sign out and clear this phone": the next person turns alerts on for themselves. */
export async function forgetPushSubscription(): Promise<void> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return;
  const ready = await navigator.serviceWorker.getRegistration();
  const subscription = await ready?.pushManager.getSubscription();
  await subscription?.unsubscribe();
}
