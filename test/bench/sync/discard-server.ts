import { spawn } from 'node:child_process';
import { freePort } from '../../free-port';
import { type BenchServer, stopped } from '../browser/bench-server';

/**
 * A bench-only node:http process (never part of the product): GET / is an empty page to run
 * the baseline from (same origin, so no CORS preflight), POST /discard reads the whole body,
 * throws it away and answers like a push does.
 */
const discardServer = `
const http = require('node:http');
http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/discard') {
    let bytes = 0;
    req.on('data', (chunk) => { bytes += chunk.length; });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify({ lastMutationId: 0, refused: [], bytes }));
    });
    return;
  }
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><title>discard</title>');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function startDiscardServer(): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', discardServer], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the discard server exited with ${child.exitCode}`);
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopped(child);
      throw new Error('the discard server did not start within 10 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { origin, stop: () => stopped(child) };
}
