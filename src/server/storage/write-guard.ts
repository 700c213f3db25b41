import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';
import type { Storage } from './storage';

/** Requests that store something. Crash reports only reach the log, so they still get through. */
const isWrite = (request: FastifyRequest) =>
  request.method !== 'GET' &&
  request.method !== 'HEAD' &&
  request.url.startsWith('/api/') &&
  !request.url.startsWith('/api/client-errors');

/**
 * Storage that cannot be written fails loudly: a write is refused before it starts (the phone
 * keeps its changes and says why), and an answer is never an acknowledgement when the database
 * file went away while the request ran: what was written went to a file nobody will read again.
 */
export function guardWrites(app: FastifyInstance, storage: Storage): void {
  app.addHook('preHandler', async (request) => {
    if (!isWrite(request)) return;
    // Only what a look finds now: a write that failed a minute ago must not stop the one that
    // would show the space is back.
    const problem = storage.liveProblem();
    if (problem) throw new AppError(problem.kind, problem.reason);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isWrite(request) || reply.statusCode >= 400) return payload;
    // The full look ran before the request; after it, only whether the file went away matters.
    const problem = storage.fileGone();
    if (!problem) {
      storage.noteWritten();
      return payload;
    }
    request.log.error({ reason: problem.reason }, 'answer withheld: the database file is gone');
    reply.code(503).type('application/json; charset=utf-8');
    return JSON.stringify({ error: { kind: 'storage-unavailable', message: problem.reason } });
  });
}
