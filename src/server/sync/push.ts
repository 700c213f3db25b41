import { AppError } from '../../domain/app-error';
import type { PushAnswer, PushRequest, Refusal } from '../../domain/sync-protocol';
import type { NewAlert } from '../alerts/raise-alerts';
import type { AuthenticatedDevice } from '../auth/authenticate';
import { readRefusals } from '../repositories/refusal-repository';
import type { Storage } from '../storage/storage';
import { GroupCommitter } from './push-group';

export interface PushResult extends PushAnswer {
  /** Highest change sequence after this push, for pokes. */
  changeSeq: number;
  /** Alerts the push raised (committed), for the server to deliver. */
  alerts: NewAlert[];
}

/**
 * Applies a device's batch in order, `changesPerTransaction` at a time, each part in a group
 * transaction with the parts other phones sent meanwhile (push-group.ts), with the same mutators
 * the phone ran:
 * 1. take the event's row (pushes of one event are serialised: change sequence order is commit order);
 * 2. skip what the device sent before (a resend is a no-op), or take nothing when the batch this
 *    one follows has not arrived (the answer's lastMutationId says where the server stands);
 * 3. apply each change to its issue or to the event's settings, refusing what the domain refuses
 *    (recorded and reported, never blocking the rest);
 * 4. store new issues, the event's last change sequence and the device's last mutation id.
 */
export async function applyPush(
  storage: Storage,
  device: AuthenticatedDevice,
  body: PushRequest,
  now: Date,
): Promise<PushResult> {
  if (body.deviceId !== device.id) throw new AppError('forbidden', 'A device may only send its own changes.');
  const mutations = body.mutations;
  for (let i = 1; i < mutations.length; i += 1) {
    if (mutations[i]!.mutationId <= mutations[i - 1]!.mutationId) {
      // A phone numbers its changes as it makes them; a batch out of order was not made by one.
      throw new AppError(
        'invalid',
        `Mutation ids in a push must be increasing; ${mutations[i]!.mutationId} follows ${mutations[i - 1]!.mutationId}. Nothing of this push was applied.`,
      );
    }
  }
  const at = now.toISOString();
  let result = { lastMutationId: 0, changeSeq: 0, refusedHere: null as Refusal[] | null };
  const alerts: NewAlert[] = [];
  for (let part = 0; ; part += 1) {
    const step = await committerOf(storage).apply({ device, body, at, first: part === 0 });
    // Once a part may be a resend, the refusals are read back from storage at the end.
    const refusedHere =
      part === 0 ? step.refusedHere : result.refusedHere && step.refusedHere && [...result.refusedHere, ...step.refusedHere];
    result = { lastMutationId: step.lastMutationId, changeSeq: step.changeSeq, refusedHere };
    alerts.push(...step.alerts);
    if (step.done) break;
  }
  const { refusedHere, ...progress } = result;
  return {
    ...progress,
    alerts,
    refused:
      refusedHere ??
      (await readRefusals(
        storage.db,
        device.id,
        mutations.map((m) => m.mutationId),
      )),
  };
}

/** One committer per database: pushes that arrive together are applied together. */
const committers = new WeakMap<Storage, GroupCommitter>();

function committerOf(storage: Storage): GroupCommitter {
  let committer = committers.get(storage);
  if (!committer) {
    committer = new GroupCommitter(storage);
    committers.set(storage, committer);
  }
  return committer;
}
