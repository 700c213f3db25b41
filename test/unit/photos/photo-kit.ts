import type { HelptentDatabase } from '../../../src/db/database';
import { saveChange } from '../../../src/db/save-change';
import { type PreparedPhoto, savePhoto } from '../../../src/db/save-photo';
import { type SyncState, syncStateKey } from '../../../src/db/sync-state';
import { defaultEvent, type FestivalEvent } from '../../../src/domain/event';
import type { MutationContext } from '../../../src/domain/mutators';
import { uploadChunkBytes } from '../../../src/domain/photo-protocol';
import type { Actor } from '../../../src/domain/staff';
import { uuidV7 } from '../../../src/domain/uuid-v7';
import { sha256Hex } from '../../../src/sync/content-hash';

/** What the photo unit tests share: an event, a person, photos of made-up bytes, a joined phone. */

export const event: FestivalEvent = defaultEvent('festival', 'Europe/Amsterdam');
const sam: Actor = { id: 'staff-sam', name: 'Sam', role: 'staff' };
let n = 0;
export const newId = () => uuidV7(Date.UTC(2026, 6, 10) + n, new Uint8Array(10).fill(++n % 256));
export const context = (now = '2026-07-10T20:00:00.000Z'): MutationContext => ({ now, actor: sam, mutationUuid: newId() });

/** Bytes that differ from one seed to the next, so each photo has its own hash. */
function bytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export async function makePhoto(
  seed: number,
  fullBytes = Math.round(uploadChunkBytes * 2.3),
  thumbBytes = 20_000,
): Promise<PreparedPhoto> {
  const file = async (length: number, salt: number, width: number, height: number) => {
    const blob = new Blob([bytes(length, seed * 7 + salt)], { type: 'image/jpeg' });
    return { blob, hash: await sha256Hex(blob), bytes: length, width, height, type: 'image/jpeg' as const };
  };
  return { full: await file(fullBytes, 1, 1600, 1200), thumb: await file(thumbBytes, 2, 320, 240) };
}

export async function logIssue(db: HelptentDatabase, summary = 'Lost phone'): Promise<string> {
  const id = newId();
  await saveChange(db, event, {
    name: 'createIssue',
    args: { id, eventId: event.id, category: 'lost-property', summary },
    context: context(),
  });
  return id;
}

export async function attach(db: HelptentDatabase, issueId: string, photo: PreparedPhoto, now?: string) {
  const photoId = newId();
  const saved = await savePhoto(db, event, { issueId, photoId, photo, context: context(now) });
  return { photoId, saved };
}

/** The phone joined an event: the photo queue has a token to send with. */
export async function join(db: HelptentDatabase): Promise<void> {
  const state: SyncState = {
    token: 'device-token',
    role: 'staff',
    staffName: 'Sam',
    eventId: event.id,
    cursor: 0,
    lastSyncedAt: null,
    lastError: null,
  };
  await db.meta.put({ key: syncStateKey, value: state });
}

/** The outbox as the server acknowledged it: every change pushed. */
export async function pushEverything(db: HelptentDatabase): Promise<void> {
  await db.unsentChanges.clear();
}
