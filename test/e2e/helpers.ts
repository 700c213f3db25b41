import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { freePort } from '../free-port';

/** Every client route with the heading its screen shows. */
export const screens = [
  { path: '/', title: 'Log an issue' },
  { path: '/queue', title: 'Issue queue' },
  { path: '/issues/0190f0e2-7a1c-7b4e-9a2d-000000000001', title: 'Issue' },
  { path: '/lost-property', title: 'Lost property' },
  { path: '/lost-property/new/found', title: 'Log a found item' },
  { path: '/summary', title: 'Day summary' },
  { path: '/settings', title: 'Settings' },
] as const;

export async function expectScreen(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

/** Resolves once a service worker controls the page, i.e. the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

export interface RunningServer {
  url: string;
  databaseUrl: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the same server again: same port, same database. */
  restart(): Promise<RunningServer>;
}

/** Starts the real built server (npm start's command) on its own free port and database. */
export async function startServer(
  env: Record<string, string> = {},
  /** The port (and database) to use; a free port and a new database when absent. */
  reuse?: { port: number; databaseUrl?: string },
): Promise<RunningServer> {
  const port = reuse?.port ?? (await freePort());
  const databaseUrl =
    reuse?.databaseUrl ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'helptent-e2e-server-')), 'helptent.sqlite')}`;
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    databaseUrl,
    process: child,
    restart: () => startServer(env, { port, databaseUrl }),
    stop(signal = 'SIGTERM') {
      // Stopped already (a signal leaves exitCode null): 'exit' will not come again.
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}
