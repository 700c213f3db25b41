import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportLogAnswerSchema, exportRecordedSchema, exportRecordSchema } from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';
import { authenticate } from '../auth/authenticate';
import { exportParamsSchema, exportQuerySchema } from '../exports/export-request';
import { runExport } from '../exports/run-export';
import { listExports, recordExport } from '../repositories/export-repository';
import type { Storage } from '../storage/storage';

const logQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** Exports are for organizers only: they carry consenting attendees' contact details. */
export function exportRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/api/exports/log', { config: { answer: exportLogAnswerSchema } }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const { limit } = parseOrThrow(logQuerySchema, request.query, 'export log request');
    return reply.header('cache-control', 'no-store').send({ exports: await listExports(storage, device.event_id, limit) });
  });

  app.post('/api/exports/log', { config: { answer: exportRecordedSchema } }, async (request, reply) => {
    const device = await authenticate(storage, request, 'organizer');
    const body = parseOrThrow(exportRecordSchema, request.body, 'export record');
    const id = await recordExport(storage, {
      eventId: device.event_id,
      deviceId: device.id,
      who: device.staff_name,
      kind: body.kind,
      day: body.day,
      format: body.format,
      rows: body.rows,
      source: 'app',
      createdAt: new Date(body.exportedAt).toISOString(),
      receivedAt: new Date().toISOString(),
    });
    return reply.code(201).send({ id });
  });

  app.get(
    '/api/exports/:kind',
    {
      // A HEAD request would build and log an export nobody receives.
      exposeHeadRoute: false,
      // Each export reads every issue of the event; a script looping on it should not starve the phones.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const device = await authenticate(storage, request, 'organizer');
      const { kind } = parseOrThrow(exportParamsSchema, request.params, 'export request');
      const { day, format } = parseOrThrow(exportQuerySchema, request.query, 'export request');
      const file = await runExport(storage, {
        eventId: device.event_id,
        kind,
        day,
        format,
        who: device.staff_name,
        deviceId: device.id,
        source: 'api',
        now: new Date(),
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
