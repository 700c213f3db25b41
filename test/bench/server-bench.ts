import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchRow, percentile, round } from './result';

const bareServer = `
const http = require('node:http');
http.createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"status":"ok"}'); })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function startAndTime(args: string[], port: number, env: Record<string, string>) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port), ...env }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/healthz`;
  await waitForHealth(url, child);
  return { child, url, startMs: performance.now() - started };
}

async function latencies(url: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    samples.push(performance.now() - t);
  }
  return samples;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Start-up and health-check latency of the real server, against a bare node:http server. */
export async function benchServer(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'helptent-bench-'));
  const env = { HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` };
  try {
    const real = await startAndTime(['dist/server/main.js'], 4391, env);
    const bare = await startAndTime(['-e', bareServer], 4392, {});
    await latencies(real.url, 200);
    await latencies(bare.url, 200);
    const realP95 = percentile(await latencies(real.url, 2000), 95);
    const bareP95 = percentile(await latencies(bare.url, 2000), 95);
    await Promise.all([stop(real.child), stop(bare.child)]);
    // A second start measures the common case: the database already exists and is migrated.
    const warm = await startAndTime(['dist/server/main.js'], 4391, env);
    await stop(warm.child);
    return [
      { name: 'server start to ready, new database', value: round(real.startMs, 0), unit: 'ms' },
      { name: 'server start to ready, existing database', value: round(warm.startMs, 0), unit: 'ms' },
      { name: 'bare node:http start to ready (baseline)', value: round(bare.startMs, 0), unit: 'ms' },
      { name: 'server start ratio to bare node:http', value: round(warm.startMs / bare.startMs), unit: 'x' },
      { name: 'healthz p95 over 2000 sequential requests', value: round(realP95, 3), unit: 'ms' },
      { name: 'bare node:http p95 over 2000 requests (baseline)', value: round(bareP95, 3), unit: 'ms' },
      { name: 'healthz p95 ratio to bare node:http', value: round(realP95 / bareP95), unit: 'x' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
