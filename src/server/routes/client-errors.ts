import type { FastifyInstance } from 'fastify';
import { clientErrorAnswerSchema, clientErrorReportSchema } from '../../domain/sync-protocol';
import { parseOrThrow } from '../../domain/validation';

/**
 * Crashes on phones in a field are otherwise invisible: the app reports uncaught errors here
 * and the server writes them to its log. Rate-limited so a looping error cannot flood the log.
 */
export function clientErrorRoutes(app: FastifyInstance): void {
  app.post(
    '/api/client-errors',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' }, answer: clientErrorAnswerSchema } },
    async (request, reply) => {
      const report = parseOrThrow(clientErrorReportSchema, request.body, 'error report');
      request.log.warn({ clientError: report }, 'client error reported');
      return reply.code(202).send({ received: true });
    },
  );
}
