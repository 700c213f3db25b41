import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';
import type { Role } from '../../domain/staff';
import { findDeviceByTokenHash } from '../repositories/device-repository';
import type { DevicesTable } from '../storage/schema';
import type { Storage } from '../storage/storage';
import { hashSecret } from './secrets';

export type AuthenticatedDevice = DevicesTable;

const roleRank: Record<Role, number> = { staff: 0, coordinator: 1, organizer: 2 };

export function hasRole(device: AuthenticatedDevice, needed: Role): boolean {
  return roleRank[device.role] >= roleRank[needed];
}

/** The bearer token a request carries, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  return /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)?.[1] ?? null;
}

/**
 * Finds the device behind a bearer token. A revoked or unknown token is refused at once (401),
 * every request: tokens are looked up, never cached, so a revocation takes effect immediately.
 */
export async function authenticate(
  storage: Storage,
  request: FastifyRequest,
  needed: Role = 'staff',
): Promise<AuthenticatedDevice> {
  const token = bearerToken(request);
  if (!token) throw new AppError('unauthorized', 'Sign in first: this device has not joined an event (no device token).');
  const device = await findDeviceByTokenHash(storage.db, hashSecret(token));
  if (!device) throw new AppError('unauthorized', 'This device token is not known. Join the event again with a join code.');
  // 401 as before, so apps from before the reason stop syncing as they always did; the reason
  // tells today's phones to remove the attendee data they hold (sync-protocol.ts, errorBodySchema).
  if (device.revoked_at)
    throw new AppError(
      'unauthorized',
      'An organizer signed this phone out of the event. Ask an organizer to let it back in (Settings, Devices).',
      undefined,
      'signed-out',
    );
  if (!hasRole(device, needed)) {
    throw new AppError('forbidden', `Only a ${needed} or above can do this; this device is signed in as ${device.role}.`);
  }
  return device;
}
