import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { AuditActor } from '../../domain/audit';
import { expiredJoinedMarkerCookie, joinedMarkerCookie } from '../../domain/joined-marker';
import {
  devicesAnswerSchema,
  type JoinAnswer,
  joinAnswerSchema,
  joinCodeAnswerSchema,
  joinCodeRequestSchema,
  joinRequestSchema,
  meAnswerSchema,
  revokeAnswerSchema,
  selfSignOutAnswerSchema,
} from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate, bearerToken, hasRole } from '../auth/authenticate';
import { JoinGuard } from '../auth/join-guard';
import { createJoinCode, readServerEvent } from '../events/event-admin';
import { joinWithCode } from '../events/join';
import { recordAudit } from '../repositories/audit-repository';
import { findDevice, listEventDevices, setDeviceRevoked } from '../repositories/device-repository';
import { lockEventChanges, savePeopleChangeSeq } from '../repositories/event-repository';
import { touchPeopleOfDevice } from '../repositories/people-repository';
import { deletePushSubscription } from '../repositories/push-subscription-repository';
import type { Storage } from '../storage/storage';
import type { Pokes } from '../sync/pokes';
import type { PullStamps } from '../sync/pull-stamps';

export function deviceRoutes(app: FastifyInstance, storage: Storage, pokes: Pokes, stamps: PullStamps): void {
  // Join codes can be guessed only by trying many: wrong codes are limited, right ones never.
  const guard = new JoinGuard();
  app.post('/api/join', { config: { answer: joinAnswerSchema } }, async (request, reply): Promise<JoinAnswer> => {
    guard.check(request.ip);
    const body = parseOrThrow(joinRequestSchema, request.body, 'join request');
    const joined = await joinWithCode(storage, {
      ...body,
      presentedToken: bearerToken(request),
      userAgent: request.headers['user-agent'] ?? '',
      now: new Date(),
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'unauthorized') guard.recordWrong(request.ip);
      throw error;
    });
    // Every open phone learns of the new person.
    pokes.poke(joined.device.event_id, joined.changeSeq);
    // Outlives Safari wiping the site's storage, so the phone can say what happened (joined-marker.ts).
    reply.header('set-cookie', joinedMarkerCookie(request.protocol === 'https'));
    return {
      token: joined.token,
      device: { id: joined.device.id, role: joined.device.role, staffName: joined.device.staff_name },
      event: joined.event,
    };
  });

  app.get('/api/me', { config: { rateLimit: { max: 120, timeWindow: '1 minute' }, answer: meAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request);
    return {
      device: { id: device.id, role: device.role, staffName: device.staff_name },
      event: await readServerEvent(storage, device.event_id),
    };
  });

  app.post('/api/join-codes', { config: { answer: joinCodeAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request, 'coordinator');
    const body = parseOrThrow(joinCodeRequestSchema, request.body ?? {}, 'join code request');
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
  app.get('/api/devices', { config: { answer: devicesAnswerSchema } }, async (request) => {
    const device = await authenticate(storage, request, 'coordinator');
    await stamps.flush();
    return { devices: await listEventDevices(storage.db, device.event_id) };
  });

  /** Signs a device of the event out or back in, with the directory change every phone pulls; null when it was not in the other state. */
  const saveRevoked = (eventId: string, id: string, action: 'revoke' | 'restore', actor: AuditActor) =>
    storage.db.transaction().execute(async (trx) => {
      const seq = (await lockEventChanges(trx, eventId)) + 1;
      const revokedAt = action === 'revoke' ? new Date().toISOString() : null;
      if (!(await setDeviceRevoked(trx, eventId, id, revokedAt))) return null;
      // A signed-out phone gets no more alerts; letting it back in, it subscribes again.
      if (action === 'revoke') await deletePushSubscription(trx, id);
      const target = (await findDevice(trx, id))!;
      await recordAudit(trx, {
        eventId,
        at: revokedAt ?? new Date().toISOString(),
        actor,
        action: action === 'revoke' ? 'sign-out' : 'let-back-in',
        detail: {
          deviceId: id,
          staffName: target.staff_name,
          role: target.role,
          ...(actor.deviceId === id ? { self: true } : {}),
        },
      });
      // The people directory on every phone shows who is signed in.
      await touchPeopleOfDevice(trx, id, seq);
      await savePeopleChangeSeq(trx, eventId, seq);
      return seq;
    });

  /** Sign-out takes effect at the phone's next request; letting it back in makes its token work again. */
  const setRevoked = (action: 'revoke' | 'restore') => async (request: FastifyRequest) => {
    const device = await authenticate(storage, request, 'organizer');
    const { id } = parseOrThrow(z.object({ id: z.string().min(1).max(100) }), request.params, 'device');
    if (action === 'revoke' && id === device.id) throw new AppError('invalid', 'You cannot sign out the device you are using.');
    const changeSeq = await saveRevoked(device.event_id, id, action, { deviceId: device.id, name: device.staff_name });
    if (changeSeq === null) {
      throw new AppError(
        'not-found',
        action === 'revoke' ? 'No active device with this id in your event.' : 'No signed-out device with this id in your event.',
      );
    }
    pokes.poke(device.event_id, changeSeq);
    if (action === 'revoke') pokes.signOut(id);
    return action === 'revoke' ? { revoked: id } : { restored: id };
  };

  /**
   * A person ending their shift signs their phone out ("Sign out and clear this phone"): any role,
   * only the device asking. Its token stops working at once, as after an organizer's sign-out, and
   * only an organizer lets it back in (to send what it kept, if it kept anything). An organizer
   * may sign out their own phone too: the phone then takes a new device id, and a new organizer
   * code (`npm run join-code`) lets them in again.
   */
  const signOutSelf = async (request: FastifyRequest, reply: FastifyReply) => {
    const device = await authenticate(storage, request);
    const changeSeq = await saveRevoked(device.event_id, device.id, 'revoke', { deviceId: device.id, name: device.staff_name });
    if (changeSeq !== null) pokes.poke(device.event_id, changeSeq);
    pokes.signOut(device.id);
    reply.header('set-cookie', expiredJoinedMarkerCookie);
    return { signedOut: device.id };
  };
  app.post('/api/devices/:id/revoke', { config: { answer: revokeAnswerSchema } }, setRevoked('revoke'));
  app.post('/api/devices/self/sign-out', { config: { answer: selfSignOutAnswerSchema } }, signOutSelf);
  app.post('/api/devices/:id/restore', { config: { answer: revokeAnswerSchema } }, setRevoked('restore'));
}
