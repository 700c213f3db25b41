import type { HelptentDatabase } from '../db/database';
import { readDeviceIdentity } from '../db/device-repository';
import { applyPulledPage, type PulledPage, pendingEntries, settlePush } from '../db/sync-repository';
import { readSyncState, updateSyncState } from '../db/sync-state';
import type { Call } from './http';

export interface SyncSizes {
  batchSize: number;
  pageSize: number;
}

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

  for (;;) {
    const entries = await pendingEntries(db, sizes.batchSize);
    if (entries.length === 0) break;
    const answer = await call<PushAnswer>('/api/sync/push', {
      method: 'POST',
      token: state.token,
      body: JSON.stringify({
        clientId: identity.deviceId,
        mutations: entries.map((e) => ({
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
    await settlePush(db, answer.lastMutationId, answer.rejected, now().toISOString());
    const lastSent = entries.at(-1)?.seq ?? 0;
    if (answer.lastMutationId < lastSent || entries.length < sizes.batchSize) break;
  }

  let cursor = (await readSyncState(db))?.cursor ?? state.cursor;
  for (;;) {
    const page = await call<PulledPage & { hasMore: boolean }>(`/api/sync/pull?cursor=${cursor}&limit=${sizes.pageSize}`, {
      token: state.token,
    });
    await applyPulledPage(db, page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  await updateSyncState(db, { lastSyncedAt: now().toISOString(), lastError: null });
  return true;
}
