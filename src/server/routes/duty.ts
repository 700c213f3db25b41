import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/app-error';
import { dutyRequestSchema } from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate } from '../auth/authenticate';
import { saveDuty } from '../repositories/device-repository';
import { lockEventChanges, readEvent, savePeopleChangeSeq } from '../repositories/event-repository';
import { touchPeopleOfDevice } from '../repositories/people-repository';
import type { Storage } from '../storage/storage';
import type { Pokes } from '../sync/pokes';

export function dutyRoutes(app: FastifyInstance, storage: Storage, pokes: Pokes): void {
  /**
   * On or off duty, and in which zone, said by the person on the phone. Alerts follow it at once;
   * it is a change of the people directory (under the event's change order, like a join), so every
   * phone pulls it and coordinators see who is on duty and whom alerts cannot reach.
   */
  app.put('/api/devices/self/duty', { config: { answer: dutyRequestSchema } }, async (request) => {
    const device = await authenticate(storage, request);
    const duty = parseOrThrow(dutyRequestSchema, request.body ?? {}, 'duty');
    const changeSeq = await storage.db.transaction().execute(async (trx) => {
      const seq = (await lockEventChanges(trx, device.event_id)) + 1;
      const event = await readEvent(trx, device.event_id);
      if (duty.zoneId !== null && !event.zones.some((zone) => zone.id === duty.zoneId)) {
        throw new AppError('invalid', "That zone is not one of this event's zones. Pick one from the list, or none.");
      }
      await saveDuty(trx, device.id, duty.onDuty, duty.zoneId);
      await touchPeopleOfDevice(trx, device.id, seq);
      await savePeopleChangeSeq(trx, device.event_id, seq);
      return seq;
    });
    pokes.poke(device.event_id, changeSeq);
    return { onDuty: duty.onDuty, zoneId: duty.zoneId };
  });
}
