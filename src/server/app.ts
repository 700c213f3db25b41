import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { unversionedProtocol } from '../domain/protocol-version';
import type { ServerConfig } from './config';
import { registerErrorHandling } from './errors';
import { protocolVersions } from './protocol';
import { clientErrorRoutes } from './routes/client-errors';
import { deviceRoutes } from './routes/devices';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { staticAppRoutes } from './routes/static-app';
import { syncRoutes } from './routes/sync';
import { securityHeaders } from './security-headers';
import { openStorage, type Storage } from './storage/storage';
import { Pokes } from './sync/pokes';
import { relayPokesThroughPostgres } from './sync/postgres-pokes';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server database, for the CLI and tests that prepare data. */
    storage: Storage;
    /** "Something changed" signals to open devices (and, on PostgreSQL, other instances). */
    pokes: Pokes;
  }
}

export interface AppOptions {
  storage: ServerConfig['storage'];
  staticDir: ServerConfig['staticDir'];
  logger?: FastifyServerOptions['logger'];
  /** The oldest app protocol still accepted (default: every version this server speaks). */
  minProtocolVersion?: number;
  /** Parse every JSON answer with its route's declared schema (on in tests). */
  checkAnswers?: boolean;
}

/** Composes the server: plugins → storage → routes. Starting and stopping is main.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });

  securityHeaders(app);
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);
  protocolVersions(app, {
    minProtocolVersion: options.minProtocolVersion ?? unversionedProtocol,
    checkAnswers: options.checkAnswers ?? false,
  });

  const storage = await openStorage(options.storage);
  app.decorate('storage', storage);
  app.addHook('onClose', async () => storage.close());

  healthRoutes(app, storage);
  clientErrorRoutes(app);
  const pokes = new Pokes();
  app.decorate('pokes', pokes);
  if (options.storage.kind === 'postgres') {
    const stopRelay = await relayPokesThroughPostgres(pokes, options.storage.url, app.log);
    app.addHook('onClose', stopRelay);
  }
  deviceRoutes(app, storage, pokes);
  syncRoutes(app, storage, pokes);
  exportRoutes(app, storage);
  await staticAppRoutes(app, options.staticDir);
  return app;
}
