import type { Kysely } from 'kysely';
import type { PushRequest, Refusal } from '../../domain/sync-protocol';
import type { NewAlert } from '../alerts/raise-alerts';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { readLastMutationId, saveDevicePush } from '../repositories/device-repository';
import { lockEventChanges, saveLastChangeSeq } from '../repositories/event-repository';
import type { ServerDatabase } from '../storage/schema';
import type { Storage } from '../storage/storage';
import { Batch } from './push-batch';

/**
 * At most this many changes of one push are applied per transaction: a pile of long notes holds
 * the event's write lock for milliseconds at a time, not for the whole push.
 */
export const changesPerTransaction = 200;
/** A group transaction takes parts until it holds this many changes. */
const changesPerGroup = 1000;
const yieldEvery = 25;

/**
 * The rest of this work after everything already waiting on the event loop. SQLite's statements
 * never wait on I/O, so without this a group transaction (and the queue of requests waiting for
 * its connection) would run as one chain of promises and hold /healthz until it ends.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The next part of one device's push, waiting for a group transaction. */
export interface PartRequest {
  device: AuthenticatedDevice;
  body: PushRequest;
  /** Server time of the push. */
  at: string;
  /** The push's first part: the only one that checks `after` and may be a resend. */
  first: boolean;
}

export interface PartResult {
  lastMutationId: number;
  changeSeq: number;
  /** This part's refusals when the whole push was new to the server; null when it may be a resend. */
  refusedHere: Refusal[] | null;
  done: boolean;
  /** Alerts this part raised, to deliver once its transaction committed. */
  alerts: NewAlert[];
}

interface Waiting extends PartRequest {
  resolve(result: PartResult): void;
  reject(error: unknown): void;
}

/** One part inside a group's transaction; `seqs` carries each event's change sequence along. */
async function applyPartIn(trx: Kysely<ServerDatabase>, part: PartRequest, seqs: Map<string, number>): Promise<PartResult> {
  const { device, body, at, first } = part;
  const mutations = body.mutations;
  const batch = new Batch(trx, device, at, seqs.get(device.event_id)!);
  let last = await readLastMutationId(trx, device.id);
  if (first && body.after !== undefined && last < body.after) {
    return { lastMutationId: last, changeSeq: batch.seq, refusedHere: null, done: true, alerts: [] };
  }
  // A push entirely new to the server can only hold the refusals recorded below; one sent
  // again may hold refusals recorded by the try whose answer was lost, so those are looked up.
  // (A later part of the same push finds the earlier parts applied: that is not a resend.)
  const isNew = !first || mutations.every((m) => m.mutationId > last);
  const unseen = mutations.filter((m) => m.mutationId > last);
  const changes = unseen.slice(0, changesPerTransaction);
  if (changes.length === 0)
    return { lastMutationId: last, changeSeq: batch.seq, refusedHere: isNew ? [] : null, done: true, alerts: [] };
  await batch.prepare(changes);
  for (const [i, mutation] of changes.entries()) {
    last = mutation.mutationId;
    await batch.apply(mutation);
    // SQLite's statements never wait on I/O, so a transaction would hold the event loop until
    // it ends: let /healthz (its own connection) and arriving requests in now and then.
    if (i % yieldEvery === yieldEvery - 1) await nextTurn();
  }
  await batch.writeIssues();
  await saveDevicePush(trx, device.id, last, at);
  seqs.set(device.event_id, batch.seq);
  const done = changes.length === unseen.length;
  return { lastMutationId: last, changeSeq: batch.seq, refusedHere: isNew ? batch.refused : null, done, alerts: batch.alerts };
}

/**
 * Group commit: parts of pushes that arrive while a transaction runs are applied together in the
 * next one, in arrival order, instead of queueing for a transaction (and, on SQLite, a disk
 * sync) each. When signal returns for five hundred phones at once, that is a few dozen
 * transactions instead of five hundred. The events' rows are taken in id order, as every writer
 * takes them, so two server instances never deadlock. If a group fails for anything but a refusal
 * (which stays inside its part), its parts are tried again one by one, so only the one at fault fails.
 */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly storage: Storage) {}

  apply(part: PartRequest): Promise<PartResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...part, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.takeGroup();
        try {
          const results = await this.commit(group);
          for (const [i, part] of group.entries()) part.resolve(results[i]!);
        } catch (error) {
          if (group.length === 1) group[0]!.reject(error);
          else for (const part of group) await this.commit([part]).then(([r]) => part.resolve(r!), part.reject);
        }
        // /healthz, pulls and the next arrivals get the event loop between groups.
        await nextTurn();
      }
    } finally {
      this.running = false;
    }
  }

  private takeGroup(): Waiting[] {
    let changes = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || changes < changesPerGroup)) {
      changes += Math.min(this.waiting[count]!.body.mutations.length, changesPerTransaction);
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private commit(group: Waiting[]): Promise<PartResult[]> {
    return this.storage.db.transaction().execute(async (trx) => {
      const seqs = new Map<string, number>();
      for (const eventId of [...new Set(group.map((part) => part.device.event_id))].sort()) {
        seqs.set(eventId, await lockEventChanges(trx, eventId));
      }
      const results: PartResult[] = [];
      for (const part of group) {
        results.push(await applyPartIn(trx, part, seqs));
        await nextTurn();
      }
      for (const [eventId, seq] of seqs) await saveLastChangeSeq(trx, eventId, seq);
      return results;
    });
  }
}
