import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../../domain/validation';

const clientErrorSchema = z.object({
  message: z.string().min(1).max(2000),
  stack: z.string().max(8000).optional(),
  url: z.string().max(2000),
  version: z.string().min(1).max(100),
  occurredAt: z.iso.datetime({ offset: true }),
});

export type ClientErrorReport = z.infer<typeof clientErrorSchema>;

/**
 * Crashes on phones in a field are otherwise invisible: the app reports uncaught errors here
 * and the server writes them to its log. Rate-limited so a looping error cannot flood the log.
 */
export function clientErrorRoutes(app: FastifyInstance): void {
  app.post('/api/client-errors', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const report = parseOrThrow(clientErrorSchema, request.body, 'error report');
    request.log.warn({ clientError: report }, 'client error reported');
    return reply.code(202).send({ received: true });
  });
}
