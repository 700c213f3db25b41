import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { unversionedProtocol } from '../domain/protocol-version';
import type { ServerConfig } from './config';
import { registerErrorHandling } from './errors';
import { type HttpLimits, serverOptions, urlLimit } from './http-limits';
import { jsonBodies } from './json-body';
import { openPhotoStore } from './photos/open-photo-store';
import type { PhotoStoreConfig } from './photos/photo-config';
import { photoDirBeside } from './photos/photo-config';
import type { PhotoStore } from './photos/photo-store';
import { protocolVersions } from './protocol';
import { attendeeRoutes } from './routes/attendees';
import { auditRoutes } from './routes/audit';
import { clientErrorRoutes } from './routes/client-errors';
import { deviceRoutes } from './routes/devices';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { photoRoutes } from './routes/photos';
import { staticAppRoutes } from './routes/static-app';
import { syncRoutes } from './routes/sync';
import { securityHeaders } from './security-headers';
import { openStorage, type Storage } from './storage/storage';
import { guardWrites } from './storage/write-guard';
import { Pokes } from './sync/pokes';
import { relayPokesThroughPostgres } from './sync/postgres-pokes';
import { PullStamps } from './sync/pull-stamps';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server database, for the CLI and tests that prepare data. */
    storage: Storage;
    /** "Something changed" signals to open devices (and, on PostgreSQL, other instances). */
    pokes: Pokes;
    /** Where photo files are kept; null when none is set up (PostgreSQL without S3 or a folder). */
    photoStore: PhotoStore | null;
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
  /** The whole request must arrive within this (default 30 s). */
  requestTimeoutMs?: number;
  /** Behind a TLS proxy: honour X-Forwarded-For (see Fastify's trustProxy). */
  trustProxy?: HttpLimits['trustProxy'];
  /** Where photos go (config.ts); default: a folder beside the SQLite database, none on PostgreSQL. */
  photos?: PhotoStoreConfig | null;
}

function defaultPhotos(storage: ServerConfig['storage']): PhotoStoreConfig | null {
  return storage.kind === 'sqlite' ? { kind: 'disk', dir: photoDirBeside(storage.file) } : null;
}

/** Composes the server: plugins → storage → routes. Starting and stopping is main.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ...serverOptions({ requestTimeoutMs: options.requestTimeoutMs ?? 30_000, trustProxy: options.trustProxy ?? false }),
  });

  securityHeaders(app);
  urlLimit(app);
  jsonBodies(app);
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);
  protocolVersions(app, {
    minProtocolVersion: options.minProtocolVersion ?? unversionedProtocol,
    checkAnswers: options.checkAnswers ?? false,
  });

  const storage = await openStorage(options.storage);
  app.decorate('storage', storage);
  app.addHook('onClose', async () => storage.close());
  guardWrites(app, storage);

  const photos = options.photos === undefined ? defaultPhotos(options.storage) : options.photos;
  const photoStore = photos
    ? await openPhotoStore(photos, (warning) => app.log.warn(warning)).catch(async (error: unknown) => {
        await storage.close();
        throw error;
      })
    : null;
  if (!photoStore) {
    app.log.warn('no photo storage set up (HELPTENT_S3_BUCKET or HELPTENT_PHOTO_DIR): photo uploads are refused until it is');
  }
  app.decorate('photoStore', photoStore);
  app.addHook('onClose', async () => photoStore?.close());

  healthRoutes(app, storage);
  clientErrorRoutes(app);
  const pokes = new Pokes();
  app.decorate('pokes', pokes);
  if (options.storage.kind === 'postgres') {
    const stopRelay = await relayPokesThroughPostgres(pokes, options.storage.url, app.log);
    app.addHook('onClose', stopRelay);
  }
  const stamps = new PullStamps(storage, app.log);
  app.addHook('onClose', async () => stamps.close());
  deviceRoutes(app, storage, pokes, stamps);
  syncRoutes(app, storage, pokes, stamps);
  exportRoutes(app, storage);
  attendeeRoutes(app, storage, pokes);
  auditRoutes(app, storage);
  await photoRoutes(app, storage, photoStore);
  await staticAppRoutes(app, options.staticDir);
  return app;
}
