import type { HelptentDatabase } from '../db/database';
import { readSyncState } from '../db/sync-state';
import {
  pushKeyAnswerSchema,
  pushKeyPath,
  pushRemovedAnswerSchema,
  pushSubscribedAnswerSchema,
  pushSubscriptionPath,
} from '../domain/push-protocol';
import { callServer } from './http';

/**
 * The push subscription routes (push-protocol.ts), for the Settings screen and the service
 * worker. Kept apart from api.ts so none of it rides in the first load.
 */

/** The server's VAPID public key (base64url), which the browser subscribes with. */
export async function readServerPushKey(token: string): Promise<string> {
  return (await callServer(pushKeyPath, pushKeyAnswerSchema, { token })).publicKey;
}

/**
 * Tells the server where this phone's alerts go. Does nothing on a phone that has not joined an
 * event or was signed out: the server would refuse it, and a sign-in sends it again.
 */
export async function saveSubscriptionOnServer(db: HelptentDatabase, subscription: PushSubscription): Promise<boolean> {
  const state = await readSyncState(db);
  if (!state || state.signedOut) return false;
  await callServer(pushSubscriptionPath, pushSubscribedAnswerSchema, {
    method: 'PUT',
    token: state.token,
    body: subscription.toJSON(),
  });
  return true;
}

export async function removeSubscriptionFromServer(token: string): Promise<void> {
  await callServer(pushSubscriptionPath, pushRemovedAnswerSchema, { method: 'DELETE', token });
}
