import type { FestivalEvent } from '../../domain/event';
import type { Role } from '../../domain/staff';
import { hashSecret, newJoinCode } from '../auth/secrets';
import { insertEvent, readEvent } from '../repositories/event-repository';
import { insertJoinCode } from '../repositories/join-code-repository';
import type { Storage } from '../storage/storage';

export function createEvent(storage: Storage, event: FestivalEvent, now: Date): Promise<void> {
  return insertEvent(storage.db, event, now.toISOString());
}

export function readServerEvent(storage: Storage, eventId: string): Promise<FestivalEvent> {
  return readEvent(storage.db, eventId);
}

export interface JoinCodeRequest {
  eventId: string;
  role: Role;
  singleUse: boolean;
  validMinutes: number;
  createdBy: string | null;
  now: Date;
}

/** Returns the code in clear once; only its hash is stored. */
export async function createJoinCode(storage: Storage, request: JoinCodeRequest): Promise<{ code: string; expiresAt: string }> {
  const code = newJoinCode();
  const expiresAt = new Date(request.now.getTime() + request.validMinutes * 60_000).toISOString();
  await insertJoinCode(storage.db, {
    code_hash: hashSecret(code),
    event_id: request.eventId,
    role: request.role,
    single_use: request.singleUse ? 1 : 0,
    created_by: request.createdBy,
    expires_at: expiresAt,
    used_at: null,
    created_at: request.now.toISOString(),
  });
  return { code, expiresAt };
}
