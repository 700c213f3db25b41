import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { $ZodType } from 'zod/v4/core';
import { AppError } from '../domain/app-error';
import { protocolHeader, protocolVersion, unversionedProtocol } from '../domain/protocol-version';
import { errorBodySchema } from '../domain/sync-protocol';
import { parseOrThrow } from '../domain/validation';

declare module 'fastify' {
  interface FastifyRequest {
    /** The sync protocol version the app speaks (1 for apps that send no header). */
    appProtocol: number;
  }
  interface FastifyContextConfig {
    /** The schema of this route's successful JSON answers (sync-protocol.ts). */
    answer?: $ZodType<unknown>;
  }
}

export interface ProtocolOptions {
  /** The oldest app protocol this server still accepts; older apps are told to update. */
  minProtocolVersion: number;
  /** Parse every JSON answer with its route's declared schema and fail loudly when one differs (tests). */
  checkAnswers: boolean;
}

function versionOf(request: FastifyRequest): number {
  const header = request.headers[protocolHeader];
  if (header === undefined) return unversionedProtocol;
  const version = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isInteger(version) || version < 1) {
    throw new AppError('invalid', `The ${protocolHeader} header must be a protocol version number.`);
  }
  return version;
}

/**
 * Every API request says which protocol version the app speaks. Older apps in the field keep
 * syncing while the server accepts their version; below that they get a clear "update needed"
 * (426) that the app shows with its update prompt, and what they queued waits on the phone.
 */
export function protocolVersions(app: FastifyInstance, options: ProtocolOptions): void {
  app.decorateRequest('appProtocol', unversionedProtocol);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const version = versionOf(request);
    request.appProtocol = version;
    if (version < options.minProtocolVersion) {
      throw new AppError(
        'update-needed',
        'This version of Helptent is too old for the server. Update the app (reload it with signal) to keep syncing: nothing on this phone is lost.',
      );
    }
    if (version > protocolVersion) {
      throw new AppError('invalid', 'This app is newer than the server. Ask the organizer to update the Helptent server.');
    }
  });
  if (!options.checkAnswers) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    const schema = reply.statusCode >= 400 ? errorBodySchema : request.routeOptions.config.answer;
    if (schema && (reply.statusCode >= 400 || request.appProtocol >= 2)) {
      parseOrThrow(schema, JSON.parse(payload), `answer to ${request.method} ${request.routeOptions.url}`);
    }
    return payload;
  });
}
