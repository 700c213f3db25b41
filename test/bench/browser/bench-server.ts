import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../free-port';

export interface BenchServer {
  origin: string;
  stop(): Promise<void>;
}

export function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The real built server (npm start's command) on 127.0.0.1, a free port and its own database file. */
export function startBenchServer(databaseFile: string): Promise<BenchServer> {
  return startServerProcess(`sqlite:${databaseFile}`);
}

/**
 * The real built server on 127.0.0.1 and a free port (or `port`, to start it again where phones
 * expect it), on any DATABASE_URL (sqlite:<file> or postgres://…).
 */
export async function startServerProcess(databaseUrl: string, port?: number): Promise<BenchServer> {
  port ??= await freePort();
  // BENCH_SERVER_CPUS=0 pins the server to core 0 (taskset), so a bench run pinned elsewhere
  // measures the server rather than its contention with the load generator and the browser.
  const pin = process.env.BENCH_SERVER_CPUS;
  const [command, args] = pin
    ? ['taskset', ['-c', pin, process.execPath, 'dist/server/main.js']]
    : [process.execPath, ['dist/server/main.js']];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopped(child);
      throw new Error(`the server did not answer /healthz within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { origin, stop: () => stopped(child) };
}
