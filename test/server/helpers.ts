import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';

export interface TestServer {
  app: FastifyInstance;
  dir: string;
  databaseFile: string;
  close(): Promise<void>;
}

/** A real server on a real SQLite file in a fresh temporary folder, with a tiny built app. */
export async function startTestServer(options: { withStaticApp?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-server-'));
  const databaseFile = join(dir, 'data', 'helptent.sqlite');
  let staticDir: string | null = null;
  if (options.withStaticApp) {
    staticDir = join(dir, 'client');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Helptent shell</title>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  }
  const app = await buildApp({ storage: { kind: 'sqlite', file: databaseFile }, staticDir });
  return {
    app,
    dir,
    databaseFile,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
