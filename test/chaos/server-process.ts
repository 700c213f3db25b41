import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const builtServer = join(repoRoot, 'dist', 'server', 'main.js');

export interface ServerCopy {
  entry: string;
  /** An API-only app shell: the chaos run needs no built client. */
  staticDir: string;
  remove(): void;
}

/**
 * Copies the built server aside, so that a rebuild during the run (vite empties dist/ first)
 * can neither break a restart nor swap the code under test halfway. The copy lives under
 * node_modules so that its imports still resolve.
 */
export function copyBuiltServer(): ServerCopy {
  if (!existsSync(builtServer)) throw new Error(`No built server at ${builtServer}: run npm run build first.`);
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'helptent-chaos-'));
  const entry = join(dir, 'main.js');
  copyFileSync(builtServer, entry);
  const staticDir = join(dir, 'client');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Helptent (chaos run)</title>');
  return { entry, staticDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real server process (npm start's command) on 127.0.0.1, which the chaos run stops
 * politely, kills with SIGKILL, and starts again on the same port and database.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly server: ServerCopy,
    readonly port: number,
    readonly databaseFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the server printed, for failure messages. */
  get log(): string {
    return this.output.slice(-4000);
  }

  /** How much the server has printed so far (across restarts), and what it printed from a mark on. */
  get logMark(): number {
    return this.output.length;
  }

  logSince(mark: number): string {
    return this.output.slice(mark);
  }

  async start(): Promise<void> {
    if (this.isRunning) throw new Error('server already running');
    const child = spawn(process.execPath, [this.server.entry], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${this.databaseFile}`,
        HELPTENT_STATIC_DIR: this.server.staticDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${this.log}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends the signal and resolves with the exit code (null when killed) once the process is gone. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }
}
