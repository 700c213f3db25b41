import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { roles } from '../../domain/staff';
import { parseOrThrow } from '../../domain/validation';
import { authenticate, bearerToken, hasRole } from '../auth/authenticate';
import { createJoinCode, readServerEvent } from '../events/event-admin';
import { joinWithCode } from '../events/join';
import type { Storage } from '../storage/storage';

const joinBodySchema = z.object({
  code: z.string().min(6).max(40),
  deviceId: z.string().uuid('must be the device id (a UUID)'),
  staffId: z.string().min(1).max(100),
  staffName: z.string().trim().min(1, 'your name is required').max(100),
});

const joinCodeBodySchema = z.object({
  role: z.enum(roles),
  validMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
});

export function deviceRoutes(app: FastifyInstance, storage: Storage): void {
  // Join codes can be guessed only by trying many: a few tries a minute per address is plenty.
  app.post('/api/join', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request) => {
    const body = parseOrThrow(joinBodySchema, request.body, 'join request');
    const joined = await joinWithCode(storage, {
      ...body,
      presentedToken: bearerToken(request),
      userAgent: request.headers['user-agent'] ?? '',
      now: new Date(),
    });
    return {
      token: joined.token,
      device: { id: joined.device.id, role: joined.device.role, staffName: joined.device.staff_name },
      event: joined.event,
    };
  });

  app.get('/api/me', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request) => {
    const device = await authenticate(storage, request);
    return {
      device: { id: device.id, role: device.role, staffName: device.staff_name },
      event: await readServerEvent(storage, device.event_id),
    };
  });

  app.post('/api/join-codes', async (request) => {
    const device = await authenticate(storage, request, 'coordinator');
    const body = parseOrThrow(joinCodeBodySchema, request.body ?? {}, 'join code request');
    if (!hasRole(device, body.role)) {
      throw new AppError('forbidden', `A ${device.role} cannot let someone join as ${body.role}.`);
    }
    return createJoinCode(storage, {
      eventId: device.event_id,
      role: body.role,
      singleUse: body.role === 'organizer',
      validMinutes: body.validMinutes,
      createdBy: device.id,
      now: new Date(),
    });
  });

  /** Coordinators watch which phones have gone quiet; organizers also revoke lost ones. */
  app.get('/api/devices', async (request) => {
    const device = await authenticate(storage, request, 'coordinator');
    const rows = await storage.db
      .selectFrom('devices')
      .select([
        'id',
        'staff_name',
        'role',
        'created_at',
        'last_seen_at',
        'last_pushed_at',
        'last_pulled_at',
        'revoked_at',
        'last_mutation_id',
      ])
      .where('event_id', '=', device.event_id)
      .orderBy('last_seen_at', 'desc')
      .execute();
    return {
      devices: rows.map((r) => ({
        id: r.id,
        staffName: r.staff_name,
        role: r.role,
        joinedAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        lastPushedAt: r.last_pushed_at,
        lastPulledAt: r.last_pulled_at,
        revokedAt: r.revoked_at,
        changesReceived: r.last_mutation_id,
      })),
    };
  });

  /** Sign-out takes effect at the phone's next request; letting it back in makes its token work again. */
  const setRevoked = (action: 'revoke' | 'restore') => async (request: FastifyRequest) => {
    const device = await authenticate(storage, request, 'organizer');
    const { id } = parseOrThrow(z.object({ id: z.string().min(1).max(100) }), request.params, 'device');
    if (action === 'revoke' && id === device.id) throw new AppError('invalid', 'You cannot sign out the device you are using.');
    const result = await storage.db
      .updateTable('devices')
      .set({ revoked_at: action === 'revoke' ? new Date().toISOString() : null })
      .where('id', '=', id)
      .where('event_id', '=', device.event_id)
      .where('revoked_at', action === 'revoke' ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError(
        'not-found',
        action === 'revoke' ? 'No active device with this id in your event.' : 'No signed-out device with this id in your event.',
      );
    }
    return action === 'revoke' ? { revoked: id } : { restored: id };
  };
  app.post('/api/devices/:id/revoke', setRevoked('revoke'));
  app.post('/api/devices/:id/restore', setRevoked('restore'));
}
