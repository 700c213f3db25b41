import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { AppErrorData } from '../domain/app-error';

/** The longest request address read; pull queries are a few dozen characters. */
export const maxUrlLength = 8 * 1024;

export interface HttpLimits {
  /** The whole request (headers and body) must arrive within this; default 30 s. */
  requestTimeoutMs: number;
  /** Honour X-Forwarded-For from the TLS proxy in front (Fastify's trustProxy). */
  trustProxy: boolean | string;
}

/**
 * Socket-level limits: a phone on a bad network gets `requestTimeoutMs` to deliver its request,
 * a silent connection is closed after twice that (poke streams write a heartbeat every 25 s), and
 * Node checks for overdue requests every second instead of every 30.
 */
export function serverOptions(limits: HttpLimits): FastifyHttpOptions<Server> {
  const requestTimeout = limits.requestTimeoutMs;
  return {
    trustProxy: limits.trustProxy,
    requestTimeout,
    connectionTimeout: Math.max(2 * requestTimeout, 60_000),
    http: {
      headersTimeout: Math.min(requestTimeout, 20_000),
      connectionsCheckingInterval: Math.min(1_000, requestTimeout / 2),
    },
    clientErrorHandler: answerClientError,
  };
}

function errorJson(status: number, message: string): string {
  const body: { error: AppErrorData } = { error: { kind: status === 408 ? 'offline' : 'invalid', message } };
  return JSON.stringify(body);
}

/** Errors Node finds before a request reaches Fastify (too slow, headers too big) in our shape. */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request took too long to arrive; the phone will send it again.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large.']
        : [400, 'The request could not be read.'];
  const body = errorJson(status, message);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** A request address too long to be ours: a readable 414 instead of whatever breaks first. */
export function urlLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length <= maxUrlLength) return;
    return reply
      .code(414)
      .type('application/json')
      .send(errorJson(414, `The request's address is too long (${request.url.length} characters; at most ${maxUrlLength}).`));
  });
}
