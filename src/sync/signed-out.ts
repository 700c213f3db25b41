import { type ClearOutcome, clearAfterSelfSignOut, removeAttendeeData } from '../db/attendee-data-removal';
import type { HelptentDatabase } from '../db/database';
import { readSyncState, type SignedOut, updateSyncState } from '../db/sync-state';
import { AppError, type AppErrorData } from '../domain/app-error';
import { signOutThisDevice } from './api';

/** A failure that means the server signed this device out (by an organizer, or at its own request). */
export function isSignedOut(error: unknown): boolean {
  return error instanceof AppError && error.reason === 'signed-out';
}

/** What the sync line says of a signed-out phone once its attendee data is gone. */
export function signedOutMessage(by: SignedOut['by']): string {
  const who =
    by === 'self' ? 'This phone was signed out at the end of a shift' : 'An organizer signed this phone out of the event';
  return `${who}, and the attendee details it held were removed. What it had not sent is kept on it (Settings) and is sent if an organizer lets it back in.`;
}

/**
 * The server said, at any contact (push, pull, poke stream), that this device is signed out: the
 * first time, the phone removes the attendee data it holds, keeping its unsent changes aside
 * (attendee-data-removal.ts). Returns the error to show. Nothing new can reach a signed-out phone
 * from the server, so once is enough; a sync that works again (it was let back in) resets it.
 */
export async function actOnSignedOut(db: HelptentDatabase, now: Date): Promise<AppErrorData> {
  const state = await readSyncState(db);
  let by: SignedOut['by'] = state?.signedOut?.by ?? 'organizer';
  if (state && !state.signedOut) {
    by = 'organizer';
    await removeAttendeeData(db, { at: now.toISOString(), by });
  }
  return { kind: 'unauthorized', reason: 'signed-out', message: signedOutMessage(by) };
}

/**
 * "Sign out and clear this phone", after the person saw what is not synced yet: the server signs
 * the device out first (its token must stop working before the phone forgets it), then the phone
 * clears itself. Needs signal; a device already signed out goes straight to clearing.
 */
export async function signOutAndClearThisPhone(db: HelptentDatabase, now = () => new Date()): Promise<ClearOutcome> {
  const state = await readSyncState(db);
  if (!state) throw new AppError('invalid', 'This phone has not joined an event: there is nothing to sign out of.');
  try {
    await signOutThisDevice(state.token);
  } catch (error) {
    if (!isSignedOut(error)) throw error;
  }
  const at = now();
  const outcome = await clearAfterSelfSignOut(db, at.toISOString(), {
    deviceId: crypto.randomUUID(),
    firstOpenedAt: at.toISOString(),
  });
  if (outcome.cleared === 'attendee-data') {
    await updateSyncState(db, {
      lastError: { kind: 'unauthorized', reason: 'signed-out', message: signedOutMessage('self'), at: at.toISOString() },
      nextTryAt: null,
    });
  }
  return outcome;
}
