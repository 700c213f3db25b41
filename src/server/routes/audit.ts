import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maxAuditPage } from '../../domain/audit';
import { auditAnswerSchema } from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate } from '../auth/authenticate';
import { readAuditLog } from '../repositories/audit-repository';
import type { Storage } from '../storage/storage';

const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(maxAuditPage).default(50),
  before: z.string().min(1).max(100).optional(),
});

/** The event's audit log, newest first, a page at a time: for organizers only. */
export function auditRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/api/audit', { config: { answer: auditAnswerSchema } }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const { limit, before } = parseOrThrow(auditQuerySchema, request.query, 'audit log request');
    return reply
      .header('cache-control', 'no-store')
      .send(await readAuditLog(storage.db, device.event_id, { limit, before: before ?? null }));
  });
}
