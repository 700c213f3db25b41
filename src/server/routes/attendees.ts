import type { FastifyInstance } from 'fastify';
import {
  attendeeAccessRequestSchema,
  attendeeEraseAnswerSchema,
  attendeeEraseRequestSchema,
  attendeeFindAnswerSchema,
  attendeeFindRequestSchema,
} from '../../domain/attendee-requests';
import { parseOrThrow } from '../../domain/validation';
import { authenticate } from '../auth/authenticate';
import { runAccessExport } from '../personal-data/access-export';
import { findAttendee } from '../personal-data/attendee-search';
import { eraseAttendeeEverywhere } from '../personal-data/erasure';
import type { Storage } from '../storage/storage';
import type { Pokes } from '../sync/pokes';

/**
 * One attendee's data, for organizers only: find them, erase them everywhere, export what is
 * held about them. Every request carries its search in the body (never the address, which logs
 * keep), and no answer is cached.
 */
export function attendeeRoutes(app: FastifyInstance, storage: Storage, pokes: Pokes): void {
  const limited = { rateLimit: { max: 60, timeWindow: '1 minute' } };

  app.post('/api/attendees/find', { config: { answer: attendeeFindAnswerSchema, ...limited } }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const { query } = parseOrThrow(attendeeFindRequestSchema, request.body, 'search');
    const { matches, truncated } = await findAttendee(storage, device.event_id, query);
    return reply.header('cache-control', 'no-store').send({ matches, truncated });
  });

  app.post('/api/attendees/erase', { config: { answer: attendeeEraseAnswerSchema, ...limited } }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const body = parseOrThrow(attendeeEraseRequestSchema, request.body, 'erasure');
    const result = await eraseAttendeeEverywhere(storage, {
      eventId: device.event_id,
      query: body.query,
      issueIds: body.issueIds,
      by: { id: device.staff_id, name: device.staff_name },
      actor: { deviceId: device.id, name: device.staff_name },
      now: new Date(),
    });
    if (result.issuesChanged > 0) pokes.poke(device.event_id, result.changeSeq);
    return reply.header('cache-control', 'no-store').send({ issuesChanged: result.issuesChanged });
  });

  app.post('/api/attendees/access', { config: limited }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const body = parseOrThrow(attendeeAccessRequestSchema, request.body, 'access request');
    const file = await runAccessExport(storage, {
      eventId: device.event_id,
      query: body.query,
      issueIds: body.issueIds,
      format: body.format ?? 'json',
      actor: { deviceId: device.id, name: device.staff_name },
      now: new Date(),
    });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
