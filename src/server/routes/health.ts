import type { FastifyInstance } from 'fastify';
import { appVersion } from '../../domain/app-version';
import type { Storage } from '../storage/storage';

/** Liveness and readiness in one: answers 503 when the database stops answering. */
export function healthRoutes(app: FastifyInstance, storage: Storage): void {
  const startedAt = Date.now();
  app.get('/healthz', async (_request, reply) => {
    const healthy = await storage.isHealthy();
    return reply
      .code(healthy ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: healthy ? 'ok' : 'storage-unavailable',
        version: appVersion,
        storage: storage.kind,
        storageCreatedAt: storage.createdAt,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
  });
}
