import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { unversionedProtocol } from '../domain/protocol-version';
import { AlertDelivery } from './alerts/alert-delivery';
import type { AlertNotifier } from './alerts/alert-notifier';
import { pushAlertNotifier } from './alerts/push-alert-notifier';
import { type PushConfig, placeholderVapidSubject, type ServerConfig } from './config';
import { registerErrorHandling } from './errors';
import { type HttpLimits, serverOptions, urlLimit } from './http-limits';
import { jsonBodies } from './json-body';
import { openPhotoStore } from './photos/open-photo-store';
import type { PhotoStoreConfig } from './photos/photo-config';
import { photoDirBeside } from './photos/photo-config';
import type { PhotoStore } from './photos/photo-store';
import { protocolVersions } from './protocol';
import { PushSender, type PushSenderOptions } from './push/push-sender';
import { loadVapidKeys } from './push/vapid-keys';
import { alertRoutes } from './routes/alerts';
import { attendeeRoutes } from './routes/attendees';
import { auditRoutes } from './routes/audit';
import { clientErrorRoutes } from './routes/client-errors';
import { deviceRoutes } from './routes/devices';
import { dutyRoutes } from './routes/duty';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { photoRoutes } from './routes/photos';
import { pushRoutes } from './routes/push';
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
    /** Web Push to devices whose app is closed: the alert engine calls `pushSender.notifyDevices`. */
    pushSender: PushSender;
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
  /** Web Push settings (default: keys kept in the database, placeholder subject, private endpoints refused). */
  push?: Partial<PushConfig> & { tls?: PushSenderOptions['tls'] };
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
  const pushSender = await startPushSender(app, storage, options.push ?? {});
  pushRoutes(app, storage, {
    publicKey: pushSender.publicKey,
    allowPrivateEndpoints: options.push?.allowPrivateEndpoints ?? false,
  });
  const alertDelivery = new AlertDelivery(
    storage.db,
    pokes,
    options.alertNotifier ?? pushAlertNotifier(pushSender, app.log),
    app.log,
  );
  app.decorate('alertDelivery', alertDelivery);
  deviceRoutes(app, storage, pokes, stamps);
  dutyRoutes(app, storage, pokes);
  syncRoutes(app, storage, pokes, stamps, alertDelivery);
  alertRoutes(app, storage, alertDelivery);
  exportRoutes(app, storage);
  attendeeRoutes(app, storage, pokes);
  auditRoutes(app, storage);
  await photoRoutes(app, storage, photoStore);
  await staticAppRoutes(app, options.staticDir);
  return app;
}

async function startPushSender(
  app: FastifyInstance,
  storage: Storage,
  push: NonNullable<AppOptions['push']>,
): Promise<PushSender> {
  const keys = await loadVapidKeys(storage.db, push.vapidKeys ?? null, new Date());
  if (!push.subjectConfigured) {
    app.log.warn(
      `HELPTENT_VAPID_SUBJECT is not set: alerts are signed with ${placeholderVapidSubject}, which Apple's push service may refuse (iPhones get no alerts). Set it to a mailto: or https: address of whoever runs this server.`,
    );
  }
  const sender = new PushSender({
    db: storage.db,
    vapid: { ...keys, subject: push.subject ?? placeholderVapidSubject },
    allowPrivateEndpoints: push.allowPrivateEndpoints ?? false,
    ...(push.tls ? { tls: push.tls } : {}),
    log: app.log,
  });
  app.decorate('pushSender', sender);
  app.addHook('onClose', async () => sender.close());
  return sender;
}
