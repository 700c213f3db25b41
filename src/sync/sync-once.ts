import type { HelptentDatabase } from '../db/database';
import { readDeviceIdentity } from '../db/device-repository';
import { countPeople } from '../db/people-repository';
import { purgeExpiredPersonalData } from '../db/retention-repository';
import { applyPulledPage } from '../db/sync-repository';
import { readSyncState, updateSyncState } from '../db/sync-state';
import { appVersion } from '../domain/app-version';
import { pullPageWireSchema } from '../domain/sync-protocol';
import { refreshAlerts } from './alerts';
import { postClientError } from './client-error-report';
import type { Call } from './http';
import { splitPulledRowsInSlices } from './pulled-rows';
import { pushOutbox } from './push-outbox';

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

/**
 * A phone's very first pull asks for a small page: it arrives in a moment even on a slow link and
 * says how many issues follow, so the person sees "200 of 21,000" at once instead of waiting
 * for 2.5 MB with no word. The pages after it are full size.
 */
export const firstPageSize = 200;

/**
 * One round: send the whole outbox in batches, then pull every page after the cursor. Safe to
 * interrupt anywhere: a batch is removed from the outbox only once the server acknowledged it,
 * and a page is stored together with its cursor. Returns false when the device has not joined.
 */
export async function syncOnce(db: HelptentDatabase, call: Call, sizes: SyncSizes, now = () => new Date()): Promise<boolean> {
  const state = await readSyncState(db);
  const identity = await readDeviceIdentity(db);
  if (!state || !identity) return false;
  // Before the network: a phone out of signal past the retention date removes the data too.
  await purgeExpiredPersonalData(db, now());

  await pushOutbox(db, call, { token: state.token, deviceId: identity.deviceId }, sizes.batchSize, now);

  // A phone that holds no people yet (new, or upgraded from an app without the directory) asks
  // for all of them once; afterwards pages carry the people who changed.
  const directory = (await countPeople(db)) === 0 ? 'all' : 'changed';
  const fetchPage = (cursor: number, first: boolean) =>
    call(
      `/api/sync/pull?cursor=${cursor}&limit=${cursor === 0 ? Math.min(firstPageSize, sizes.pageSize) : sizes.pageSize}${first && directory === 'all' ? '&directory=all' : ''}`,
      pullPageWireSchema,
      {
        token: state.token,
      },
    );
  let next = fetchPage((await readSyncState(db))?.cursor ?? state.cursor, true);
  for (;;) {
    const page = await next;
    // The next page travels while this one is written: catching up is network plus disk, not
    // network then disk. It is fetched from this page's cursor, so order is unchanged.
    if (page.hasMore) {
      next = fetchPage(page.cursor, false);
      // Handled when awaited; this only keeps a failed prefetch from being reported as unhandled
      // when storing the current page fails first.
      next.catch(() => undefined);
    }
    const { issues, unreadable } = await splitPulledRowsInSlices(page.issues, now().toISOString());
    await applyPulledPage(db, { ...page, issues }, unreadable);
    for (const row of unreadable) {
      postClientError({
        message: `Pulled issue ${row.issueId ?? '(no id)'} (version ${row.version ?? '?'}) could not be read and was kept aside: ${row.reason}`,
        url: '/api/sync/pull',
        version: appVersion,
        occurredAt: row.at,
      });
    }
    if (!page.hasMore) break;
  }
  await purgeExpiredPersonalData(db, now());
  // Alerts ride on every sync; a failed fetch costs only this round's alerts, never the sync.
  await refreshAlerts(db, call, state.token, now()).catch(() => undefined);
  // A phone let back in after a sign-out is whole again: it sent what it kept and fetched anew.
  await updateSyncState(db, { lastSyncedAt: now().toISOString(), lastError: null, nextTryAt: null, signedOut: null });
  return true;
}
