import type { FastifyInstance } from 'fastify';
import { appVersion } from '../../domain/app-version';
import type { Storage } from '../storage/storage';

/**
 * Liveness and readiness in one: 503 with the reason when the database cannot take writes
 * (deleted, read-only, disk full) or does not answer. It asks on a connection of its own, so a
 * load balancer's check never waits behind a busy event's writes.
 */
export function healthRoutes(app: FastifyInstance, storage: Storage): void {
  const startedAt = Date.now();
  app.get('/healthz', async (_request, reply) => {
    const health = await storage.health();
    return reply
      .code(health.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: health.ok ? 'ok' : 'storage-unavailable',
        ...(health.reason ? { reason: health.reason } : {}),
        version: appVersion,
        storage: storage.kind,
        storageCreatedAt: storage.createdAt,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
  });
}
