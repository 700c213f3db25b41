import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { unversionedProtocol } from '../domain/protocol-version';
import { AlertDelivery } from './alerts/alert-delivery';
import { type AlertNotifier, silentAlertNotifier } from './alerts/alert-notifier';
import type { ServerConfig } from './config';
import { registerErrorHandling } from './errors';
import { type HttpLimits, serverOptions, urlLimit } from './http-limits';
import { jsonBodies } from './json-body';
import { protocolVersions } from './protocol';
import { alertRoutes } from './routes/alerts';
import { attendeeRoutes } from './routes/attendees';
import { auditRoutes } from './routes/audit';
import { clientErrorRoutes } from './routes/client-errors';
import { deviceRoutes } from './routes/devices';
import { dutyRoutes } from './routes/duty';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
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
    /** Gets raised and escalated alerts to phones: pokes for open apps, the notifier for closed ones. */
    alertDelivery: AlertDelivery;
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
  /** Reaches phones whose app is closed when an alert is raised or escalated (Web Push); default: none. */
  alertNotifier?: AlertNotifier;
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
  const alertDelivery = new AlertDelivery(storage.db, pokes, options.alertNotifier ?? silentAlertNotifier, app.log);
  app.decorate('alertDelivery', alertDelivery);
  deviceRoutes(app, storage, pokes, stamps);
  dutyRoutes(app, storage, pokes);
  syncRoutes(app, storage, pokes, stamps, alertDelivery);
  alertRoutes(app, storage, alertDelivery);
  exportRoutes(app, storage);
  attendeeRoutes(app, storage, pokes);
  auditRoutes(app, storage);
  await staticAppRoutes(app, options.staticDir);
  return app;
}
