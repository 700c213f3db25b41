import type { FastifyInstance } from 'fastify';
import {
  attendeeAccessRequestSchema,
  attendeeEraseAnswerSchema,
  attendeeEraseRequestSchema,
  attendeeFindAnswerSchema,
  attendeeFindRequestSchema,
} from '../../domain/attendee-requests';
import { redactTerms } from '../../domain/personal-data';
import { parseOrThrow } from '../../domain/validation';
import { authenticate } from '../auth/authenticate';
import { readServerEvent } from '../events/event-admin';
import { accessPage } from '../personal-data/access-page';
import { findAttendee } from '../personal-data/attendee-search';
import { eraseAttendeeEverywhere, termsFor } from '../personal-data/erasure';
import { accessDocument, recordAccessExport } from '../personal-data/subject-access';
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
    const event = await readServerEvent(storage, device.event_id);
    const terms = await termsFor(storage, { eventId: device.event_id, query: body.query, issueIds: body.issueIds });
    const found = await findAttendee(storage, device.event_id, body.query, terms);
    const doc = accessDocument(event, found, new Set(body.issueIds), (text) => redactTerms(text, terms) !== text, {
      query: body.query,
      by: device.staff_name,
      now: new Date(),
    });
    await recordAccessExport(storage.db, {
      eventId: event.id,
      at: doc.generatedAt,
      actor: { deviceId: device.id, name: device.staff_name },
      doc,
      format: body.format ?? 'json',
    });
    const html = body.format === 'html';
    const name = `helptent-${event.id}-subject-access.${html ? 'html' : 'json'}`;
    return reply
      .header('content-type', html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(html ? accessPage(doc) : `${JSON.stringify(doc, null, 2)}\n`);
  });
}
