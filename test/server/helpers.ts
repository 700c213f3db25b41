import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { AlertNotifier } from '../../src/server/alerts/alert-notifier';
import { type AppOptions, buildApp } from '../../src/server/app';
import type { StorageConfig } from '../../src/server/config';
import type { PhotoStoreConfig } from '../../src/server/photos/photo-config';

export type Backend = 'sqlite' | 'postgres';

/**
 * The backends server tests run against: SQLite always, PostgreSQL when TEST_DATABASE_URL points
 * at a server (CI starts one and sets it; there, a missing URL is an error, not a skip).
 */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (process.env.CI && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI must run the server tests on PostgreSQL too: set TEST_DATABASE_URL.');
}

export interface TestServer {
  app: FastifyInstance;
  dir: string;
  storage: StorageConfig;
  close(): Promise<void>;
}

/** A fresh PostgreSQL schema per test server, so tests never see each other's rows. */
async function freshPostgres(): Promise<{ config: StorageConfig; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = url.includes('?') ? '&' : '?';
  return {
    config: { kind: 'postgres', url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** A real server on a real database in a fresh temporary folder, with a tiny built app. */
export async function startTestServer(
  options: {
    withStaticApp?: boolean;
    backend?: Backend;
    minProtocolVersion?: number;
    requestTimeoutMs?: number;
    trustProxy?: boolean;
    /** Off only where a test stores what the server must not answer with (a damaged row). */
    checkAnswers?: boolean;
    /** Collects the server's log lines (level info) here. */
    logLines?: string[];
    /** Where photos go (default: beside the SQLite file; none on PostgreSQL). */
    photos?: PhotoStoreConfig | null;
    /** Web Push settings (the test push service's certificate, private endpoints allowed). */
    push?: AppOptions['push'];
    /** Stands in for Web Push: told which devices each raised or escalated alert is for. */
    alertNotifier?: AlertNotifier;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-server-'));
  let staticDir: string | null = null;
  if (options.withStaticApp) {
    staticDir = join(dir, 'client');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Helptent shell</title>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1);');
    // The build writes compressed copies beside each text file (vite.config.ts, precompress).
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1);'));
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1);'));
  }
  const postgres = options.backend === 'postgres' ? await freshPostgres() : null;
  const storage: StorageConfig = postgres?.config ?? { kind: 'sqlite', file: join(dir, 'data', 'helptent.sqlite') };
  const app = await buildApp({
    storage,
    staticDir,
    checkAnswers: options.checkAnswers ?? true,
    ...(options.logLines ? { logger: { level: 'info', stream: { write: (line: string) => options.logLines!.push(line) } } } : {}),
    ...(options.minProtocolVersion ? { minProtocolVersion: options.minProtocolVersion } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.photos !== undefined ? { photos: options.photos } : {}),
    ...(options.push ? { push: options.push } : {}),
    ...(options.alertNotifier ? { alertNotifier: options.alertNotifier } : {}),
  });
  return {
    app,
    dir,
    storage,
    async close() {
      await app.close();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch over app.inject: the real client code talks to the real server, in one process. */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string, init: RequestInit = {}) => {
    const response = await app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: String(input),
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(init.body ? { payload: String(init.body) } : {}),
    });
    return new Response(response.body, { status: response.statusCode, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}
