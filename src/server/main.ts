import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { appVersion } from '../domain/app-version';
import { scheduleAlertClock } from './alerts/alert-clock-schedule';
import { buildApp } from './app';
import { loadConfig } from './config';
import { scheduleRetention } from './personal-data/retention-schedule';
import { schedulePhotoCleaning } from './photos/photo-cleaning';

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  if (config.staticDir && !existsSync(join(config.staticDir, 'index.html'))) {
    console.error(`The app is not built yet (no ${join(config.staticDir, 'index.html')}). Run: npm run build`);
    process.exit(1);
  }
  const app = await buildApp({
    storage: config.storage,
    staticDir: config.staticDir,
    minProtocolVersion: config.minProtocolVersion,
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    photos: config.photos,
    push: config.push,
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
  });

  let closing = false;
  let stopRetention = () => {};
  let stopPhotoCleaning = () => {};
  let stopAlertClock = () => {};
  const shutdown = (signal: string) => {
    stopRetention();
    stopPhotoCleaning();
    stopAlertClock();
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Requests in flight finish and the database closes cleanly. A connection still open after
    // 5 s (a phone that stopped reading its answer, a keep-alive one that went idle after the close
    // began) is cut, so the process ends in time; a close that is still stuck after 10 s is cut short.
    const cut = setTimeout(() => app.server.closeAllConnections(), 5_000);
    cut.unref();
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  stopRetention = scheduleRetention(app);
  stopPhotoCleaning = schedulePhotoCleaning(app);
  stopAlertClock = scheduleAlertClock(app);
  const port = (app.server.address() as { port: number }).port;
  const urls = [`http://localhost:${port}/`];
  if (config.host === '0.0.0.0') urls.push(...lanAddresses().map((ip) => `http://${ip}:${port}/`));
  console.log(
    [
      `Helptent ${appVersion} is running (storage: ${config.storage.kind === 'sqlite' ? `sqlite ${config.storage.file}` : 'postgres'}; photos: ${app.photoStore?.description ?? 'not set up'}).`,
      `Open ${urls[0]}`,
      ...urls.slice(1).map((u) => `  or, from another device on this network: ${u}`),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`Helptent could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
