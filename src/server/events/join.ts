import { AppError } from '../../domain/app-error';
import type { FestivalEvent } from '../../domain/event';
import { hashSecret, newDeviceToken, normalizeJoinCode } from '../auth/secrets';
import { recordAudit } from '../repositories/audit-repository';
import { findDevice, saveDeviceJoin } from '../repositories/device-repository';
import { lockEventChanges, readEvent, savePeopleChangeSeq } from '../repositories/event-repository';
import { claimJoinCode, findJoinCode } from '../repositories/join-code-repository';
import { savePersonJoin, touchPeopleOfDevice } from '../repositories/people-repository';
import type { DevicesTable } from '../storage/schema';
import type { Storage } from '../storage/storage';

export interface JoinRequest {
  code: string;
  deviceId: string;
  staffId: string;
  staffName: string;
  /** The token this phone already holds, if it joined before: proof that it is the same phone. */
  presentedToken: string | null;
  userAgent: string;
  now: Date;
}

export interface Joined {
  token: string;
  device: DevicesTable;
  event: FestivalEvent;
  /** Change sequence of the directory entry the join wrote, for pokes. */
  changeSeq: number;
}

const refused = 'This join code is not valid or has expired. Ask a coordinator for a new one.';

/**
 * Trades a join code for a device token. A device that joins again (new code, same phone: to
 * change role, say) gets a new token and keeps its id and mutation count, so nothing it queued
 * is applied twice. Joining again needs the phone's current token: a join code alone must not let
 * anyone take over another phone's id, nor bring back a phone an organizer signed out.
 */
export async function joinWithCode(storage: Storage, request: JoinRequest): Promise<Joined> {
  const codeHash = hashSecret(normalizeJoinCode(request.code));
  const token = newDeviceToken();
  const at = request.now.toISOString();
  return storage.db.transaction().execute(async (trx) => {
    const code = await findJoinCode(trx, codeHash);
    if (!code || code.expires_at <= at || (code.single_use === 1 && code.used_at !== null)) {
      throw new AppError('unauthorized', refused);
    }
    // The event's row first, as a push takes it: the same lock order everywhere, no deadlock.
    const seq = (await lockEventChanges(trx, code.event_id)) + 1;
    if (code.single_use === 1 && !(await claimJoinCode(trx, codeHash, at))) throw new AppError('unauthorized', refused);
    const existing = await findDevice(trx, request.deviceId);
    if (existing && existing.event_id !== code.event_id) {
      throw new AppError(
        'forbidden',
        'This phone already belongs to another event. Reset Helptent on it before joining this one.',
      );
    }
    if (existing?.revoked_at) {
      throw new AppError(
        'forbidden',
        'An organizer signed this phone out of the event. Ask an organizer to let it back in (Settings, Devices).',
      );
    }
    if (existing && (request.presentedToken === null || hashSecret(request.presentedToken) !== existing.token_hash)) {
      throw new AppError('forbidden', 'Another phone already uses this device id. Reset Helptent on this phone, then join.');
    }
    const device = await saveDeviceJoin(
      trx,
      {
        id: request.deviceId,
        eventId: code.event_id,
        at,
        staff_id: request.staffId,
        staff_name: request.staffName,
        role: code.role,
        token_hash: hashSecret(token),
        last_seen_at: at,
        user_agent: request.userAgent.slice(0, 300),
      },
      existing !== undefined,
    );
    // The person joins the directory every phone holds, in the event's change order.
    await savePersonJoin(trx, {
      eventId: code.event_id,
      id: request.staffId,
      name: request.staffName,
      role: code.role,
      deviceId: request.deviceId,
      joinedAt: at,
      changeSeq: seq,
    });
    // Whoever used this phone before is no longer on duty on it: their entry travels again too.
    await touchPeopleOfDevice(trx, request.deviceId, seq);
    await savePeopleChangeSeq(trx, code.event_id, seq);
    const roleChanged = existing !== undefined && existing.role !== code.role;
    await recordAudit(trx, {
      eventId: code.event_id,
      at,
      actor: { deviceId: request.deviceId, name: request.staffName },
      ...(roleChanged
        ? { action: 'role-change', detail: { from: existing.role, to: code.role } }
        : { action: 'join', detail: { role: code.role, again: existing !== undefined } }),
    });
    return { token, device, event: await readEvent(trx, code.event_id), changeSeq: seq };
  });
}
