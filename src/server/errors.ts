import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type AppErrorData, type ErrorKind } from '../domain/app-error';
import { classifyStorageError } from './storage/storage-problems';

const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  'invalid-transition': 409,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  offline: 503,
  quota: 507,
  'storage-unavailable': 503,
  server: 500,
  'update-needed': 426,
};

function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  return 'invalid';
}

/**
 * One error handler for the whole API. Client mistakes get their sentence back; anything else is
 * logged in full and answered with a fixed message, so stack traces, SQL and file paths never
 * leave the server.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.kind === 'server') request.log.error({ err: error }, 'request failed');
      return reply.code(statusOfKind[error.kind]).send({ error: error.toData() });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx errors (bad JSON, body too large, wrong content type, rate limit)
      // carry messages written for clients.
      const message =
        status === 413
          ? 'This request is too large for the server. The app sends big piles of changes in smaller parts; if this keeps happening, update Helptent.'
          : error.message;
      const body: AppErrorData = { kind: kindOfStatus(status), message };
      return reply.code(status).send({ error: body });
    }
    const problem = request.server.storage?.explainFailure(error) ?? classifyStorageError(error);
    if (problem) {
      // The real error, in full, for whoever looks after the server; the phone gets the reason.
      request.log.error({ err: error, reason: problem.reason }, 'storage failed');
      return reply.code(statusOfKind[problem.kind]).send({ error: { kind: problem.kind, message: problem.reason } });
    }
    request.log.error({ err: error }, 'request failed');
    const body: AppErrorData = {
      kind: 'server',
      message: 'Something went wrong on the server. It has been logged; please try again.',
    };
    return reply.code(500).send({ error: body });
  });
}

export function notFoundBody(method: string, url: string): { error: AppErrorData } {
  const path = url.split('?')[0] ?? url;
  return { error: { kind: 'not-found', message: `There is nothing at ${method} ${path}.` } };
}
