import type { HelptentDatabase } from '../db/database';
import { readDeviceIdentity } from '../db/device-repository';
import { readPeople } from '../db/people-repository';
import { refreshPushSubscription } from './push-subscription';

/** How often a phone the server cannot reach by push tries to send its subscription again. */
const retryMs = 10 * 60_000;
let triedAt = Number.NEGATIVE_INFINITY;

/**
 * After a sync: when the server's people directory says it cannot reach this phone by push while
 * the phone is signed in, send the browser's subscription again. That is the phone an organizer
 * signed out and then let back in (signing out removed its subscription on the server; the
 * browser kept it), on its next start or the first sync after. It only repeats what the person
 * agreed to: nothing happens without a subscription in the browser and notifications allowed
 * (push-subscription.ts checks both before asking the server anything).
 */
export async function resendPushSubscriptionIfLost(db: HelptentDatabase, now = Date.now()): Promise<void> {
  if (now - triedAt < retryMs) return;
  const identity = await readDeviceIdentity(db);
  const self = identity && (await readPeople(db)).find((person) => person.deviceId === identity.deviceId);
  // Older servers say nothing (undefined): only a plain "cannot reach" is acted on.
  if (!self?.signedIn || self.pushReachable !== false) return;
  triedAt = now;
  await refreshPushSubscription(db);
}
