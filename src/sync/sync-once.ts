import type { HelptentDatabase } from '../db/database';
import { readDeviceIdentity } from '../db/device-repository';
import { applyPulledPage, type PulledPage, pendingEntriesAfter, settlePush } from '../db/sync-repository';
import { readSyncState, updateSyncState } from '../db/sync-state';
import type { Call } from './http';

export interface SyncSizes {
  batchSize: number;
  pageSize: number;
}

/**
 * What the app sends per push and asks for per pull. Pages of 2,000 issues (about 2.5 MB of JSON
 * for a coordinator) halve the round trips of a phone catching up on a whole festival compared
 * with 1,000, while one lost page on a bad connection still costs little to fetch again.
 */
export const defaultSyncSizes: SyncSizes = { batchSize: 500, pageSize: 2000 };

interface PushAnswer {
  lastMutationId: number;
  rejected: { id: number; mutationId: string; kind: string; message: string }[];
}

/**
 * One round: send the whole outbox in batches, then pull every page after the cursor. Safe to
 * interrupt anywhere: a batch is removed from the outbox only once the server acknowledged it,
 * and a page is stored together with its cursor. Returns false when the device has not joined.
 */
export async function syncOnce(db: HelptentDatabase, call: Call, sizes: SyncSizes, now = () => new Date()): Promise<boolean> {
  const state = await readSyncState(db);
  const identity = await readDeviceIdentity(db);
  if (!state || !identity) return false;

  // One push travels at a time, and the next one leaves only after the server acknowledged
  // this one (sending ahead of an acknowledgement could let a later batch move the device's
  // last applied id past changes that never arrived). The local work — reading the next batch
  // from the outbox, clearing the acknowledged one — happens while requests travel.
  let batch = await pendingEntriesAfter(db, 0, sizes.batchSize);
  let settling: Promise<void> = Promise.resolve();
  while (batch.length > 0) {
    const lastSent = batch.at(-1)?.seq ?? 0;
    const sending = call<PushAnswer>('/api/sync/push', {
      method: 'POST',
      token: state.token,
      body: JSON.stringify({
        clientId: identity.deviceId,
        mutations: batch.map((e) => ({
          id: e.seq,
          mutationId: e.mutationId,
          name: e.name,
          args: e.args,
          createdAt: e.createdAt,
          actor: { id: e.actor.id, name: e.actor.name },
          baseVersion: e.baseVersion ?? 0,
        })),
      }),
    });
    const following = batch.length < sizes.batchSize ? null : pendingEntriesAfter(db, lastSent, sizes.batchSize);
    following?.catch(() => undefined);
    const answer = await sending;
    await settling;
    settling = settlePush(db, answer.lastMutationId, answer.rejected, now().toISOString());
    if (!following || answer.lastMutationId < lastSent) break;
    batch = await following;
  }
  await settling;

  const fetchPage = (cursor: number) =>
    call<PulledPage & { hasMore: boolean }>(`/api/sync/pull?cursor=${cursor}&limit=${sizes.pageSize}`, {
      token: state.token,
    });
  let next = fetchPage((await readSyncState(db))?.cursor ?? state.cursor);
  for (;;) {
    const page = await next;
    // The next page travels while this one is written: catching up is network plus disk, not
    // network then disk. It is fetched from this page's cursor, so order is unchanged.
    if (page.hasMore) {
      next = fetchPage(page.cursor);
      // Handled when awaited; this only keeps a failed prefetch from being reported as unhandled
      // when storing the current page fails first.
      next.catch(() => undefined);
    }
    await applyPulledPage(db, page);
    if (!page.hasMore) break;
  }
  await updateSyncState(db, { lastSyncedAt: now().toISOString(), lastError: null });
  return true;
}
