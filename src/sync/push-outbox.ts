import type { HelptentDatabase } from '../db/database';
import type { UnsentChange } from '../db/rows';
import { type BatchLimits, pendingEntriesAfter, type SentBatch, settlePush } from '../db/sync-repository';
import {
  type PushAnswer,
  type PushedMutation,
  type PushRequest,
  pushAnswerSchema,
  pushBatchBytes,
} from '../domain/sync-protocol';
import type { Call } from './http';

interface Sent {
  batch: SentBatch;
  answer: Promise<PushAnswer>;
}

export interface PushAuth {
  token: string;
  deviceId: string;
}

function pushed(e: UnsentChange): PushedMutation {
  return {
    mutationId: e.mutationId!,
    mutationUuid: e.mutationUuid,
    name: e.name,
    args: e.args,
    createdAt: e.createdAt,
    actor: { id: e.actor.id, name: e.actor.name },
    baseVersion: e.baseVersion ?? 0,
  };
}

const utf8 = new TextEncoder();
/** Room in a push body for what surrounds the changes: the device id, `after`, brackets. */
const envelopeBytes = 1024;

/**
 * Batches stop at `batchSize` changes or at `pushBatchBytes` of JSON, whichever comes first, so
 * a pile of long notes goes in several pushes the server applies quickly, never in one near its
 * limit. Measured as the bytes that travel (UTF-8), plus a comma.
 */
function batchLimits(batchSize: number): BatchLimits {
  return {
    count: batchSize,
    bytes: pushBatchBytes - envelopeBytes,
    sizeOf: (entry) => utf8.encode(JSON.stringify(pushed(entry))).byteLength + 1,
  };
}

function send(call: Call, auth: PushAuth, batch: UnsentChange[], after: number | undefined): Sent {
  const body: PushRequest = {
    deviceId: auth.deviceId,
    ...(after === undefined ? {} : { after }),
    mutations: batch.map(pushed),
  };
  const answer = call('/api/sync/push', pushAnswerSchema, { method: 'POST', token: auth.token, body });
  // Awaited in turn; until then, a failure must not count as unhandled.
  answer.catch(() => undefined);
  return { batch: { first: batch[0]?.mutationId ?? 0, last: batch.at(-1)?.mutationId ?? 0 }, answer };
}

/** Clears what the server acknowledged; false when it did not take the whole batch. */
async function settle(db: HelptentDatabase, sent: Sent, now: () => Date): Promise<boolean> {
  const answer = await sent.answer;
  await settlePush(db, sent.batch, answer.lastMutationId, answer.refused, now().toISOString());
  return answer.lastMutationId >= sent.batch.last;
}

/**
 * One pass over the outbox: 'done', or 'again' when a batch overtook the one before it and was
 * not taken, after the pass had got some batches through ('stuck' if it got none).
 */
async function pushRound(
  db: HelptentDatabase,
  call: Call,
  auth: PushAuth,
  batchSize: number,
  now: () => Date,
): Promise<'done' | 'again' | 'stuck'> {
  const limits = batchLimits(batchSize);
  let batch = await pendingEntriesAfter(db, 0, limits);
  let previous: Sent | null = null;
  let taken = 0;
  while (batch.entries.length > 0) {
    const current = send(call, auth, batch.entries, previous?.batch.last);
    const following = batch.full ? pendingEntriesAfter(db, current.batch.last, limits) : null;
    following?.catch(() => undefined);
    if (previous) {
      if (!(await settle(db, previous, now))) {
        // Sent after a batch that was not taken, so not taken either: let it finish, then start over.
        await settle(db, current, now);
        return taken > 0 ? 'again' : 'stuck';
      }
      taken += 1;
    }
    previous = current;
    batch = following ? await following : { entries: [], full: false };
  }
  if (!previous || (await settle(db, previous, now))) return 'done';
  return taken > 0 ? 'again' : 'stuck';
}

/**
 * Sends the whole outbox in batches with two on the way at once: while the server applies one,
 * the next travels, and the phone reads the one after it from the outbox and clears what was
 * acknowledged. A batch is removed from the outbox only once acknowledged. Every batch but a
 * pass's first names the batch it follows, and the server takes it only once it has that one,
 * so a batch can never move the server past changes that were lost or are still on their way;
 * one that overtook its predecessor is simply sent again.
 */
export async function pushOutbox(
  db: HelptentDatabase,
  call: Call,
  auth: PushAuth,
  batchSize: number,
  now: () => Date,
): Promise<void> {
  // Each pass's first batch names none before it, so the server takes it: a pass that starts
  // over has always got something through, and the outbox empties in one push even when
  // parallel connections keep delivering batches out of order.
  while ((await pushRound(db, call, auth, batchSize, now)) === 'again');
}
