import { AppError } from '../../domain/app-error';
import type { FestivalEvent } from '../../domain/event';
import type { Role } from '../../domain/staff';
import { hashSecret, newJoinCode } from '../auth/secrets';
import type { Storage } from '../storage/storage';

export async function createEvent(storage: Storage, event: FestivalEvent, now: Date): Promise<void> {
  const existing = await storage.db.selectFrom('events').select('id').where('id', '=', event.id).executeTakeFirst();
  if (existing) throw new AppError('invalid', `An event with id "${event.id}" already exists.`);
  await storage.db
    .insertInto('events')
    .values({ id: event.id, name: event.name, config: JSON.stringify(event), last_change_seq: 0, created_at: now.toISOString() })
    .execute();
}

export async function readServerEvent(storage: Storage, eventId: string): Promise<FestivalEvent> {
  const row = await storage.db.selectFrom('events').select('config').where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'This event does not exist on the server.');
  return JSON.parse(row.config) as FestivalEvent;
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
  await storage.db
    .insertInto('join_codes')
    .values({
      code_hash: hashSecret(code),
      event_id: request.eventId,
      role: request.role,
      single_use: request.singleUse ? 1 : 0,
      created_by: request.createdBy,
      expires_at: expiresAt,
      used_at: null,
      created_at: request.now.toISOString(),
    })
    .execute();
  return { code, expiresAt };
}
