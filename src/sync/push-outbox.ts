import type { HelptentDatabase, OutboxEntry } from '../db/database';
import { pendingEntriesAfter, type SentBatch, settlePush } from '../db/sync-repository';
import type { Call } from './http';

interface PushAnswer {
  lastMutationId: number;
  rejected: { id: number; mutationId: string; kind: string; message: string }[];
}

interface Sent {
  batch: SentBatch;
  answer: Promise<PushAnswer>;
}

export interface PushAuth {
  token: string;
  deviceId: string;
}

/** Rounds one push may start over when the server took batches out of order. */
const maxRounds = 4;

function send(call: Call, auth: PushAuth, batch: OutboxEntry[], after: number | undefined): Sent {
  const answer = call<PushAnswer>('/api/sync/push', {
    method: 'POST',
    token: auth.token,
    body: JSON.stringify({
      clientId: auth.deviceId,
      ...(after === undefined ? {} : { after }),
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
  // Awaited in turn; until then, a failure must not count as unhandled.
  answer.catch(() => undefined);
  return { batch: { first: batch[0]?.seq ?? 0, last: batch.at(-1)?.seq ?? 0 }, answer };
}

/** Clears what the server acknowledged; false when it did not take the whole batch. */
async function settle(db: HelptentDatabase, sent: Sent, now: () => Date): Promise<boolean> {
  const answer = await sent.answer;
  await settlePush(db, sent.batch, answer.lastMutationId, answer.rejected, now().toISOString());
  return answer.lastMutationId >= sent.batch.last;
}

/** One pass over the outbox; false when a batch was not taken in order and the pass should start over. */
async function pushRound(db: HelptentDatabase, call: Call, auth: PushAuth, batchSize: number, now: () => Date) {
  let batch = await pendingEntriesAfter(db, 0, batchSize);
  let previous: Sent | null = null;
  while (batch.length > 0) {
    const current = send(call, auth, batch, previous?.batch.last);
    const following = batch.length < batchSize ? null : pendingEntriesAfter(db, current.batch.last, batchSize);
    following?.catch(() => undefined);
    if (previous && !(await settle(db, previous, now))) {
      // Sent after a batch that was not taken, so not taken either: let it finish, then start over.
      await settle(db, current, now);
      return false;
    }
    previous = current;
    batch = following ? await following : [];
  }
  return previous ? settle(db, previous, now) : true;
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
  for (let round = 0; round < maxRounds; round += 1) {
    if (await pushRound(db, call, auth, batchSize, now)) return;
  }
}
